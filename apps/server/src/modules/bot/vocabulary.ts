/**
 * The bot's built-in bilingual e-commerce vocabulary (issue #17, must have 2): the concepts an
 * online shop's FAQ talks about (fashion, electronics, food, furniture, beauty, books), each with
 * the words and short phrases shoppers and shops use for it in English (British and American) and
 * Italian (as Italians write it, English loan words included: "tracking", "voucher", "coupon").
 *
 * Data only. Phrases are lower-case text as written; the matcher folds them (accents, apostrophes),
 * drops stop words and stems them (Snowball), so a phrase lists different words and irregular or
 * common inflections, not every plural. A phrase belongs to one concept per language. Words that
 * occur in almost every question ("order", "product", "buy") are not concepts of their own, only
 * inside specific phrases ("order number"). `intent: true` marks the few concepts that say what
 * kind of answer is wanted (a cost, a time, a place, a possibility, a procedure, a yes/no, a reason)
 * rather than what it is about.
 */

/** One concept: words and short phrases (1-4 words) that mean the same thing in a shop's FAQ, in each language. */
export interface Concept {
  id: string;
  en: string[];
  it: string[];
  intent?: true;
}

export const CONCEPTS: readonly Concept[] = [
  // ---------------------------------------------------------------- question intent
  {
    id: 'intent-cost',
    intent: true,
    en: ['how much', 'how much is', 'how much does', 'price', 'prices', 'pricing', 'cost', 'costs', 'charge', 'fee', 'fees', 'how expensive', 'expensive'],
    it: ['quanto costa', 'quanto costano', 'quanto costerebbe', 'quanto viene', 'quanto vengono', 'quanto si paga', 'quanto pago', 'prezzo', 'prezzi', 'costo', 'costi', 'tariffa', 'tariffe', 'caro', 'costoso', 'a quanto'],
  },
  {
    id: 'intent-time',
    intent: true,
    en: ['when', 'how long', 'how many days', 'how soon', 'how quickly', 'how fast', 'what time', 'by when', 'time frame', 'timeframe', 'timescale', 'turnaround', 'how many weeks', 'how long it takes', 'fortnight'],
    it: ['quando', 'quanto tempo', 'quanti giorni', 'quante settimane', 'tempi', 'tempo', 'tempistiche', 'tempistica', 'entro quando', 'in quanto tempo', 'quanto ci vuole', 'quanto ci mette', 'quanto impiega', 'da quando', 'fino a quando'],
  },
  {
    id: 'intent-where',
    intent: true,
    en: ['where', 'where is', 'where are', 'whereabouts'],
    it: ['dove', "dov'è", 'dove si trova'],
  },
  {
    id: 'intent-possible',
    intent: true,
    en: ['can i', 'could i', 'is it possible', 'possible', 'possibility', 'allowed', 'am i able', 'able to', 'may i', 'permitted', 'can you', 'could you', 'option to'],
    it: ['posso', 'possiamo', 'si può', 'è possibile', 'possibile', 'sarebbe possibile', 'possibilità', 'potete', 'riesco', 'riuscite', 'consentito', 'permesso', 'si riesce'],
  },
  {
    id: 'intent-how',
    intent: true,
    en: ['how do i', 'how to', 'how can i', 'how does it work', 'procedure', 'steps', 'step by step', 'what should i do', 'what do i do', 'instructions on how', 'how to use', 'how do i use'],
    it: ['come faccio', 'come si fa', 'come posso', 'come funziona', 'come devo fare', 'procedura', 'passaggi', 'in che modo', 'come fare', 'come si procede', 'modalità', 'come si usa', 'come usare'],
  },
  {
    id: 'intent-whether',
    intent: true,
    en: ['do you', 'is there', 'are there', 'do you have', 'do you sell', 'do you do', 'does it have', 'do you carry', 'do you accept', 'accept'],
    it: ["c'è", 'ci sono', 'avete', 'fate', 'offrite', 'vendete', 'esiste', 'è previsto', 'prevedete', 'trattate', 'tenete', 'accettate', 'accettare'],
  },
  {
    id: 'intent-why',
    intent: true,
    en: ['why', 'how come', 'reason', 'reasons', 'what for'],
    it: ['perché', 'come mai', 'motivo', 'motivazione', 'per quale motivo'],
  },

  // ---------------------------------------------------------------- shipping and delivery
  {
    id: 'shipping',
    en: ['shipping', 'ship', 'shipment', 'shipments', 'delivery', 'deliveries', 'deliver', 'send', 'sending', 'sent', 'post', 'posting', 'mail order'],
    it: ['spedizione', 'spedizioni', 'spedire', 'spedite', 'spedito', 'consegna', 'consegne', 'consegnare', 'consegnate', 'invio', 'inviare', 'inviate', 'mandare', 'recapitare'],
  },
  {
    id: 'shipping-cost',
    en: ['shipping cost', 'shipping costs', 'shipping fee', 'shipping charge', 'shipping charges', 'shipping rate', 'shipping price', 'delivery charge', 'delivery charges', 'delivery fee', 'delivery cost', 'delivery price', 'postage', 'postage and packing', 'carriage'],
    it: ['spese di spedizione', 'costi di spedizione', 'costo di spedizione', 'costo spedizione', 'costo della spedizione', 'spese di consegna', 'costo della consegna', 'costo di consegna', 'tariffe di spedizione', 'tariffa di spedizione', 'spese postali', 'contributo spedizione', 'prezzo della spedizione'],
  },
  {
    id: 'free',
    en: ['free', 'for free', 'free of charge', 'no charge', 'at no cost', 'complimentary', 'no extra cost', 'without charge'],
    it: ['gratis', 'gratuito', 'gratuita', 'gratuiti', 'gratuite', 'gratuitamente', 'senza costi', 'senza spese', 'a costo zero', 'senza costi aggiuntivi'],
  },
  {
    id: 'free-shipping',
    en: ['free shipping', 'free delivery', 'free postage', 'ship for free', 'free shipping threshold', 'qualify for free', 'threshold'],
    it: ['spedizione gratuita', 'spedizione gratis', 'spedizioni gratuite', 'consegna gratuita', 'consegna gratis', 'spese di spedizione gratuite', 'spedizione omaggio', 'soglia', 'soglia minima', 'spedizione gratuita sopra'],
  },
  {
    id: 'minimum-order',
    en: ['minimum order', 'minimum purchase', 'minimum amount', 'minimum spend', 'minimum order value', 'minimum basket'],
    it: ['ordine minimo', 'importo minimo', 'spesa minima', 'acquisto minimo', "minimo d'ordine", 'minimo di acquisto'],
  },
  {
    id: 'dispatch',
    en: ['dispatch', 'dispatched', 'dispatching', 'processing time', 'handling time', 'leave the warehouse', 'goes out', 'ships out', 'shipped out', 'prepare my order', 'shipping confirmation', 'dispatch email', 'shipped email'],
    it: ['evasione', 'evaso', 'evadere', 'evadete', 'preparazione', 'preparazione ordine', 'elaborazione', 'affidato al corriere', 'parte il pacco', 'esce dal magazzino', 'conferma di spedizione', 'email di spedizione', 'avviso di spedizione'],
  },
  {
    id: 'delivery-time',
    en: ['delivery time', 'delivery times', 'shipping time', 'shipping times', 'transit time', 'lead time', 'working days', 'business days', 'arrive', 'arrives', 'arrival', 'eta', 'estimated delivery', 'delivery date', 'expected delivery'],
    it: ['tempi di consegna', 'tempo di consegna', 'tempi di spedizione', 'tempi di arrivo', 'giorni lavorativi', 'giorni feriali', 'arrivare', 'arriva', 'arrivano', 'arrivo', 'consegna prevista', 'data di consegna', 'data di arrivo', 'arrivo previsto', 'quando arriva'],
  },
  {
    id: 'express-delivery',
    en: ['express', 'express delivery', 'express shipping', 'next day', 'next-day delivery', 'same day', 'same-day delivery', 'fast delivery', 'faster delivery', 'quick delivery', 'priority shipping', 'expedited', 'overnight', 'urgent', 'asap', '24 hour delivery'],
    it: ['spedizione express', 'espressa', 'express', 'consegna rapida', 'consegna veloce', 'spedizione veloce', 'spedizione rapida', 'corriere espresso', 'giorno dopo', 'consegna in 24 ore', 'entro domani', 'urgente', 'urgenza', 'prioritaria', 'spedizione prioritaria', 'consegna in giornata', 'spedizione in giornata'],
  },
  {
    id: 'cut-off',
    en: ['cut-off time', 'cutoff', 'cut off', 'last order time', 'orders placed before', 'orders placed after'],
    it: ['orario limite', 'ordini entro', 'ordini ricevuti entro', 'ordini effettuati entro', 'ordinando entro', 'entro le ore'],
  },
  {
    id: 'international-shipping',
    en: ['international', 'international shipping', 'international delivery', 'ship internationally', 'abroad', 'overseas', 'worldwide', 'foreign', 'other countries', 'countries', 'country', 'outside the uk', 'outside italy', 'outside the eu', 'europe', 'european', 'eu', 'uk', 'usa', 'united states', 'america', 'canada', 'australia', 'switzerland', 'germany', 'france', 'spain', 'ireland', 'norway'],
    it: ['spedizione internazionale', 'spedizioni internazionali', 'internazionale', 'estero', "all'estero", 'fuori italia', 'altri paesi', 'paesi', 'paese', 'nazioni', 'europa', 'europei', 'ue', 'unione europea', 'in tutto il mondo', "fuori dall'europa", 'svizzera', 'germania', 'francia', 'spagna', 'regno unito', 'inghilterra', 'stati uniti', 'austria', 'belgio', 'san marino'],
  },
  {
    id: 'customs-duties',
    en: ['customs', 'customs fees', 'customs charges', 'customs clearance', 'duties', 'duty', 'import duty', 'import duties', 'import tax', 'import taxes', 'import fees', 'tariffs', 'brexit', 'ddp', 'duties paid'],
    it: ['dogana', 'dogane', 'doganale', 'doganali', 'spese doganali', 'dazi', 'dazio', 'dazi doganali', 'oneri doganali', 'tasse di importazione', 'tasse doganali', 'sdoganamento', 'diritti doganali'],
  },
  {
    id: 'remote-areas',
    en: ['remote areas', 'remote area', 'islands', 'island', 'highlands', 'scottish highlands', 'northern ireland', 'channel islands', 'isle of man', 'surcharge', 'rural'],
    it: ['isole', 'isole minori', 'sardegna', 'sicilia', 'calabria', 'zone disagiate', 'località disagiate', 'zone remote', 'venezia', 'livigno', 'supplemento'],
  },
  {
    id: 'delivery-area',
    en: ['postcode', 'post code', 'postal code', 'zip code', 'zip', 'my area', 'delivery area', 'local delivery', 'deliver locally', 'catchment'],
    it: ['codice postale', 'zona', 'la mia zona', 'area di consegna', 'zona di consegna', 'consegna locale', 'comune', 'città'],
  },
  {
    id: 'tracking',
    en: ['track', 'tracking', 'tracked', 'tracking number', 'tracking code', 'tracking link', 'tracking info', 'track my order', 'track my parcel', 'follow my parcel', 'follow my order', 'where is my parcel', "where's my parcel", 'where is my package', "where's my package", 'track and trace', 'in transit', 'tracking page', 'tracking not updating', 'stuck in transit'],
    it: ['tracking', 'tracciare', 'tracciamento', 'tracciabile', 'tracciabilità', 'numero di tracking', 'codice di tracking', 'codice di tracciamento', 'numero di tracciamento', 'link di tracciamento', 'seguire la spedizione', 'seguire il pacco', "seguire l'ordine", 'monitorare la spedizione', "dov'è il pacco", 'dove trova il pacco', 'dove trova la spedizione', 'in transito', 'pagina di tracking', 'tracking non aggiornato', 'tracking fermo'],
  },
  {
    id: 'order-status',
    en: ['order status', 'status of my order', 'where is my order', "where's my order", 'wismo', 'order update', 'order progress', 'order on hold', 'order pending', 'processing'],
    it: ["stato dell'ordine", 'stato ordine', 'stato del mio ordine', "dov'è il mio ordine", "aggiornamenti sull'ordine", 'ordine in lavorazione', 'ordine in sospeso', 'situazione ordine'],
  },
  {
    id: 'late-delivery',
    en: ['late', 'delayed', 'delay', 'delays', 'not arrived', "hasn't arrived", 'has not arrived', 'still not arrived', 'not received', "haven't received", 'never arrived', 'never received', 'still waiting', 'overdue', 'taking too long', 'running late'],
    it: ['ritardo', 'ritardi', 'in ritardo', 'ritardata', 'non è arrivato', 'non arrivato', 'non è ancora arrivato', 'mai arrivato', 'non ho ricevuto', 'non ricevuto', 'ancora in attesa', 'aspetto ancora', 'sto ancora aspettando', 'non arriva', 'troppo tempo'],
  },
  {
    id: 'lost-parcel',
    en: ['lost', 'lost parcel', 'lost package', 'delivered elsewhere', 'missing parcel', 'missing package', 'stolen', 'stolen parcel', 'marked as delivered', 'says delivered', 'shows delivered', 'delivered to wrong address', 'went missing'],
    it: ['smarrito', 'smarrita', 'perso', 'persa', 'pacco perso', 'pacco smarrito', 'rubato', 'pacco rubato', 'consegnato altrove', 'risulta consegnato', 'segna consegnato', 'andato perso'],
  },
  {
    id: 'split-shipment',
    en: ['split delivery', 'partial delivery', 'partial shipment', 'multiple parcels', 'separate parcels', 'separate packages', 'arrived separately', 'more than one parcel', 'two parcels', 'shipped separately'],
    it: ['spedizione parziale', 'consegna parziale', 'pacchi separati', 'spedizioni separate', 'arrivato separatamente', 'due pacchi', 'spediti separatamente'],
  },
  {
    id: 'combine-orders',
    en: ['combine orders', 'combine my orders', 'merge orders', 'combine shipping', 'ship together', 'one shipment', 'single shipment'],
    it: ['unire ordini', 'unire gli ordini', 'accorpare', 'accorpare gli ordini', 'spedizione unica', 'unica spedizione', 'spedire insieme'],
  },
  {
    id: 'parcel',
    en: ['parcel', 'parcels', 'package', 'packages', 'packet', 'box', 'boxes', 'consignment'],
    it: ['pacco', 'pacchi', 'pacchetto', 'collo', 'colli', 'scatola', 'scatole', 'plico', 'scatolone'],
  },
  {
    id: 'courier',
    en: ['courier', 'couriers', 'carrier', 'carriers', 'driver', 'delivery driver', 'delivery man', 'postman', 'royal mail', 'dhl', 'fedex', 'dpd', 'gls', 'evri', 'hermes', 'usps', 'tnt', 'parcelforce', 'which courier'],
    it: ['corriere', 'corrieri', 'trasportatore', 'vettore', 'fattorino', 'postino', 'poste italiane', 'poste', 'brt', 'bartolini', 'sda', 'dhl', 'ups', 'gls', 'tnt', 'fedex', 'nexive', 'quale corriere'],
  },
  {
    id: 'parcel-locker',
    en: ['parcel locker', 'parcel lockers', 'locker', 'lockers', 'amazon locker', 'inpost', 'pickup point', 'pick-up point', 'collection point', 'parcel shop', 'post office', 'po box', 'drop-off point'],
    it: ['locker', 'punto di ritiro', 'punto ritiro', 'punti di ritiro', 'fermopoint', 'fermo point', 'fermo deposito', 'ufficio postale', 'casella postale', 'inpost', 'punto poste', 'ritiro in edicola', 'edicola', 'tabaccheria'],
  },
  {
    id: 'missed-delivery',
    en: ['missed delivery', 'missed my delivery', 'not at home', "wasn't home", 'nobody home', 'no one home', 'failed delivery', 'delivery attempt', 'redelivery', 'redeliver', 'reschedule delivery', 'card through the door', 'left a card', 'calling card'],
    it: ['mancata consegna', 'non ero a casa', 'non ero in casa', 'nessuno in casa', 'assente', 'tentativo di consegna', 'avviso di giacenza', 'giacenza', 'in giacenza', 'riprogrammare la consegna', 'nuova consegna', 'riconsegna', 'seconda consegna', 'avviso di passaggio'],
  },
  {
    id: 'delivery-slot',
    en: ['delivery slot', 'time slot', 'time slots', 'delivery window', 'choose a time', 'choose the day', 'choose delivery date', 'timed delivery', 'evening delivery', 'weekend delivery', 'saturday delivery', 'sunday delivery', 'specific day', 'specific time'],
    it: ['fascia oraria', 'fasce orarie', 'orario di consegna', 'scegliere il giorno', "scegliere l'orario", 'giorno di consegna', 'consegna su appuntamento', 'consegna al sabato', 'consegna il sabato', 'consegna serale', 'giorno preciso', 'orario preciso', 'data precisa'],
  },
  {
    id: 'signature',
    en: ['signature', 'sign on delivery', 'proof of delivery', 'leave with a neighbour', 'leave with neighbor', 'neighbour', 'neighbor', 'safe place', 'leave at the door', 'leave it outside', 'doorstep', 'concierge'],
    it: ['firma', 'firmare', 'consegna con firma', 'firma alla consegna', 'prova di consegna', 'vicino di casa', 'lasciarlo al vicino', 'lasciare al vicino', 'lasciare davanti alla porta', 'davanti alla porta', 'portineria', 'luogo sicuro'],
  },
  {
    id: 'shipping-insurance',
    en: ['shipping insurance', 'insurance', 'insured', 'insure', 'insured shipping', 'parcel insurance'],
    it: ['assicurazione', 'assicurata', 'assicurato', 'spedizione assicurata', 'assicurare il pacco', 'copertura assicurativa'],
  },
  {
    id: 'refuse-delivery',
    en: ['refuse delivery', 'refuse the parcel', 'refuse the package', 'reject delivery', 'return to sender', 'refused delivery', 'not accept delivery'],
    it: ['rifiutare il pacco', 'rifiutare la consegna', 'respingere il pacco', 'rifiutato alla consegna', 'ritorno al mittente', 'rimandato al mittente', 'non accettare il pacco'],
  },
  {
    id: 'large-item-delivery',
    en: ['large items', 'bulky items', 'large item', 'bulky', 'two-man delivery', 'two man delivery', 'room of choice', 'kerbside', 'curbside', 'upstairs', 'stairs', 'which floor', 'white glove', 'no lift', 'elevator', 'doorway', 'remove the packaging'],
    it: ['ingombrante', 'ingombranti', 'articoli ingombranti', 'consegna al piano', 'consegna al portone', 'bordo strada', 'al piano terra', 'scale', 'ascensore', 'senza ascensore', 'portone', 'consegna in stanza', 'consegna con due operatori', 'rimozione imballaggi'],
  },
  {
    id: 'shipping-restrictions',
    en: ['restricted items', 'shipping restrictions', 'cannot ship', 'hazardous', 'dangerous goods', 'lithium batteries', 'aerosols', 'perfume shipping'],
    it: ['non spedibile', 'non spedibili', 'merce pericolosa', 'merci pericolose', 'restrizioni di spedizione', 'batterie al litio', 'aerosol', 'limitazioni di spedizione'],
  },

  // ---------------------------------------------------------------- the order
  {
    id: 'place-order',
    en: ['place an order', 'placing an order', 'how to order', 'order online', 'order by phone', 'phone order', 'make a purchase', 'complete my purchase', 'order form'],
    it: ['effettuare un ordine', 'come ordinare', 'ordinare online', 'ordinare per telefono', 'ordine telefonico', "completare l'acquisto", "effettuare l'acquisto"],
  },
  {
    id: 'order-number',
    en: ['order number', 'order no', 'order ref', 'order reference', 'reference number', 'order code', 'confirmation number'],
    it: ["numero d'ordine", 'numero ordine', "numero dell'ordine", 'codice ordine', "codice dell'ordine", 'riferimento ordine', 'id ordine', 'numero di riferimento'],
  },
  {
    id: 'order-confirmation',
    en: ['order confirmation', 'confirmation', 'confirmation email', 'confirm', 'confirmed', 'order email', 'no confirmation'],
    it: ["conferma d'ordine", "conferma dell'ordine", 'conferma ordine', 'conferma', 'email di conferma', 'mail di conferma', 'confermato', 'confermare', 'nessuna conferma'],
  },
  {
    id: 'modify-order',
    en: ['change my order', 'change order', 'modify', 'modify order', 'edit order', 'edit my order', 'amend', 'amend order', 'alter my order', 'update my order', 'add to my order', 'add an item', 'remove an item', 'remove from order', 'change quantity'],
    it: ["modificare l'ordine", 'modificare', 'modifica', 'modifica ordine', "cambiare l'ordine", 'cambiare ordine', 'aggiungere un articolo', "aggiungere all'ordine", 'aggiungere', 'togliere un articolo', 'togliere', 'rimuovere un articolo', 'cambiare quantità', 'variazione ordine'],
  },
  {
    id: 'cancel-order',
    en: ['cancel', 'cancels', 'cancelling', 'canceling', 'cancellation', 'cancelled', 'canceled', 'cancel my order', 'call off', "don't want it anymore", 'no longer want', 'stop my order', 'stop the order'],
    it: ['annullare', 'annullamento', 'annullato', 'annullata', "annullare l'ordine", 'cancellare', 'cancellazione', "cancellare l'ordine", 'disdire', 'disdetta', 'revocare', 'non lo voglio più', "bloccare l'ordine", "fermare l'ordine"],
  },
  {
    id: 'delivery-address',
    en: ['address', 'addresses', 'delivery address', 'shipping address', 'change address', 'change my address', 'change the address', 'wrong address', 'update address', 'new address', 'different address', 'moved house', 'typo in address', 'work address'],
    it: ['indirizzo', 'indirizzi', 'indirizzo di consegna', 'indirizzo di spedizione', 'cambiare indirizzo', 'cambio indirizzo', "modificare l'indirizzo", 'indirizzo sbagliato', 'indirizzo errato', 'nuovo indirizzo', 'indirizzo diverso', 'ho traslocato', 'trasloco', 'indirizzo di lavoro', "indirizzo dell'ufficio"],
  },
  {
    id: 'order-history',
    en: ['order history', 'past orders', 'previous orders', 'old orders', 'reorder', 'order again', 'buy again', 'purchase history'],
    it: ['storico ordini', 'storico degli ordini', 'ordini precedenti', 'ordini passati', 'riordinare', 'ordinare di nuovo', "rifare l'ordine", 'cronologia ordini'],
  },
  {
    id: 'subscription',
    en: ['subscription', 'subscriptions', 'subscribe and save', 'recurring order', 'repeat delivery', 'regular delivery', 'pause my subscription', 'skip a delivery', 'auto-replenish'],
    it: ['abbonamento', 'abbonamenti', 'abbonarsi', 'abbonarmi', 'ordine ricorrente', 'consegna periodica', 'consegne periodiche', "sospendere l'abbonamento", 'saltare una consegna'],
  },
  {
    id: 'cart-checkout',
    en: ['basket', 'cart', 'shopping cart', 'shopping bag', 'checkout', 'check out', 'add to basket', 'add to cart', 'empty basket', 'items in my basket', 'trolley'],
    it: ['carrello', 'cassa', 'checkout', 'procedere al pagamento', 'aggiungere al carrello', 'carrello vuoto', 'svuotato il carrello', 'pagina di pagamento', 'concludere il pagamento'],
  },
  {
    id: 'quantity-limit',
    en: ['maximum quantity', 'quantity limit', 'limit per customer', 'limit per order', 'how many per customer', 'maximum per order', 'buy more than'],
    it: ['quantità massima', 'limite di acquisto', 'limite di quantità', 'massimo per cliente', 'massimo per ordine', 'limite per ordine'],
  },

  // ---------------------------------------------------------------- returns, exchanges, refunds
  {
    id: 'return',
    en: ['return', 'returns', 'returned', 'returning', 'send back', 'send it back', 'sent back', 'send them back', 'give back', 'take back', 'return policy', 'returns policy', 'make a return', 'start a return', 'changed my mind', 'right of withdrawal', 'withdrawal', 'bring it back', 'bring back', 'return an item', 'return items'],
    it: ['reso', 'resi', 'restituire', 'restituito', 'restituzione', 'rendere', 'rendo', 'rimandare indietro', 'rispedire', 'rispedirlo', 'mandare indietro', 'politica di reso', 'politica dei resi', 'fare un reso', 'effettuare un reso', 'ripensamento', 'diritto di recesso', 'recesso', 'restituirlo', 'rimandarlo', 'renderlo', 'mandarlo indietro', 'restituire un articolo'],
  },
  {
    id: 'return-deadline',
    en: ['return period', 'return window', 'returns window', 'days to return', 'deadline', 'time limit', 'too late to return', 'how long to return', 'return deadline', 'within days'],
    it: ['termine', 'termini', 'termine per il reso', 'scadenza del reso', 'tempo per il reso', 'giorni per il reso', 'periodo di reso', 'entro quanti giorni', 'tempo massimo', 'troppo tardi', 'fuori tempo'],
  },
  {
    id: 'return-cost',
    en: ['free returns', 'free return', 'return shipping', 'return cost', 'return costs', 'return fee', 'returns fee', 'return postage', 'restocking fee', 'who pays for returns', 'pay for the return'],
    it: ['reso gratuito', 'resi gratuiti', 'reso gratis', 'costo del reso', 'costi del reso', 'spese di reso', 'spese del reso', 'spese di restituzione', 'chi paga il reso', 'reso a pagamento', 'costo di restituzione'],
  },
  {
    id: 'return-label',
    en: ['return label', 'returns label', 'label', 'labels', 'shipping label', 'prepaid label', 'print a label', 'qr code', 'without a printer', 'returns form', 'return form'],
    it: ['etichetta', 'etichette', 'etichetta di reso', 'etichetta di spedizione', 'etichetta prepagata', "stampare l'etichetta", 'codice qr', 'senza stampante', 'modulo di reso', 'modulo di recesso', 'lettera di vettura'],
  },
  {
    id: 'return-pickup',
    en: ['return pickup', 'return collection', 'collect my return', 'book a collection', 'courier collection', 'collect from my home', 'pick up the return'],
    it: ['ritiro a domicilio', 'ritiro del reso', 'prenotare il ritiro', 'ritiro gratuito', 'ritiro presso casa', 'venire a ritirare'],
  },
  {
    id: 'return-in-store',
    en: ['return in store', 'return to a store', 'return to the shop', 'in-store return', 'return it in store'],
    it: ['reso in negozio', 'restituire in negozio', 'rendere in negozio', 'reso nel punto vendita', 'cambio in negozio'],
  },
  {
    id: 'return-condition',
    en: ['original packaging', 'original condition', 'tags attached', 'with tags', 'tags removed', 'labels removed', 'unworn', 'unused', 'worn', 'opened item', 'seal broken', 'sealed', 'hygiene'],
    it: ['confezione originale', 'imballo originale', 'imballaggio originale', 'cartellino', 'cartellini', 'con cartellino', 'senza cartellino', 'non usato', 'mai usato', 'indossato', 'mai indossato', 'sigillato', 'sigillo', 'igiene', 'motivi igienici'],
  },
  {
    id: 'non-returnable',
    en: ['non-returnable', 'non returnable', 'final sale', 'excluded from returns', 'cannot be returned', 'not returnable', 'no returns'],
    it: ['non restituibile', 'non restituibili', 'esclusi dal reso', 'escluso dal reso', 'non si possono restituire', 'non è possibile restituire', 'nessun reso', 'non rimborsabile'],
  },
  {
    id: 'exchange',
    en: ['exchange', 'exchanges', 'exchanged', 'swap', 'swapped', 'trade', 'switch', 'change size', 'change the size', 'change colour', 'change color', 'different size', 'another size', 'bigger size', 'smaller size', 'size up', 'size down', 'replace', 'replacement', 'different colour', 'different color', 'another colour', 'ordered the wrong size', "doesn't fit", 'does not fit', 'swap for', 'smaller one', 'bigger one'],
    it: ['cambio', 'cambi', 'cambiare', 'cambiarlo', 'cambiare taglia', 'cambio taglia', 'cambiare colore', 'cambio colore', 'sostituire', 'sostituzione', 'scambiare', 'scambio', 'taglia diversa', 'altra taglia', 'taglia più grande', 'taglia più piccola', 'cambio merce', 'ho sbagliato taglia', 'sbagliato taglia', 'troppo piccolo', 'troppo piccola', 'troppo grande', 'troppo stretto', 'non mi sta bene', 'fare un cambio'],
  },
  {
    id: 'refund',
    en: ['refund', 'refunds', 'refunded', 'refunding', 'money back', 'my money back', 'reimburse', 'reimbursement', 'reimbursed', 'credit back', 'credited back', 'store credit', 'credit note', 'original payment method', 'paid back'],
    it: ['rimborso', 'rimborsi', 'rimborsare', 'rimborsato', 'rimborsata', 'riavere i soldi', 'soldi indietro', 'restituzione dei soldi', 'restituzione del denaro', 'riaccredito', 'riaccreditato', 'accredito', 'storno', 'nota di credito', 'metodo di pagamento originale', 'stesso metodo di pagamento'],
  },
  {
    id: 'trial-period',
    en: ['trial period', 'try before you buy', 'home trial', 'try at home', 'risk free trial', 'money back guarantee', 'satisfaction guarantee', 'satisfaction guaranteed', 'night trial'],
    it: ['periodo di prova', 'prova a casa', 'provare a casa', 'soddisfatti o rimborsati', 'prova gratuita', 'garanzia soddisfazione', 'notti di prova'],
  },
  {
    id: 'return-status',
    en: ['return status', 'status of my return', 'received my return', 'return received', 'return processed', 'track my return', 'return not processed'],
    it: ['stato del reso', 'reso ricevuto', 'ricevuto il reso', 'reso elaborato', 'tracciare il reso', 'reso non elaborato', 'esito del reso'],
  },

  // ---------------------------------------------------------------- problems with an item
  {
    id: 'damaged-item',
    en: ['damaged', 'damage', 'broken', 'arrived broken', 'arrived damaged', 'smashed', 'cracked', 'scratched', 'scratch', 'dented', 'crushed', 'leaking', 'leaked', 'torn', 'ripped', 'shattered', 'damaged in transit'],
    it: ['danneggiato', 'danneggiata', 'danneggiati', 'danno', 'danni', 'rotto', 'rotta', 'arrivato rotto', 'arrivato danneggiato', 'ammaccato', 'graffiato', 'graffio', 'crepato', 'crepa', 'scheggiato', 'schiacciato', 'strappato', 'rovinato', 'perde', 'frantumato'],
  },
  {
    id: 'defective-item',
    en: ['faulty', 'defective', 'defect', 'defects', 'fault', 'not working', "doesn't work", 'does not work', 'stopped working', "won't turn on", 'malfunction', 'malfunctioning', 'dead on arrival', 'broke down', 'poor quality', 'faded', 'pilling', 'came apart'],
    it: ['difettoso', 'difettosa', 'difetto', 'difetti', 'non funziona', 'non funzionante', 'guasto', 'guasta', 'malfunzionamento', 'smesso di funzionare', 'non si accende', 'scolorito', 'sbiadito', 'scadente', 'qualità scadente', 'pallini', 'si è scucito', 'non va', 'non funziona più'],
  },
  {
    id: 'wrong-item',
    en: ['wrong item', 'wrong items', 'wrong product', 'wrong size sent', 'wrong colour sent', 'not what i ordered', 'incorrect item', 'sent the wrong', 'different item', 'different product', 'mix up', 'mix-up', 'received the wrong'],
    it: ['articolo sbagliato', 'prodotto sbagliato', 'sbagliato', 'sbagliata', 'errato', 'articolo errato', 'non è quello ordinato', 'diverso da quello ordinato', 'articolo diverso', 'prodotto diverso', 'taglia sbagliata', 'colore sbagliato', 'scambio di articoli'],
  },
  {
    id: 'missing-item',
    en: ['missing', 'missing item', 'item missing', 'items missing', 'missing part', 'missing parts', 'incomplete order', 'incomplete', 'not in the box', 'not included', 'only received'],
    it: ['mancante', 'mancanti', 'manca', 'mancano', 'articolo mancante', 'pezzo mancante', 'pezzi mancanti', 'ordine incompleto', 'incompleto', 'non era nel pacco', "non c'era", 'non incluso'],
  },
  {
    id: 'in-the-box',
    en: ['included in the box', 'supplied with', 'accessories', 'accessory', 'box contents'],
    it: ['in dotazione', 'accessori', 'accessorio', 'contenuto della confezione', 'incluso nella confezione', 'inclusi nella confezione'],
  },
  {
    id: 'warranty',
    en: ['warranty', 'warranties', 'guarantee', 'guaranteed', 'guarantees', 'warranty period', 'legal guarantee', 'extended warranty', 'under warranty', 'covered by warranty', 'warranty claim', 'claim', 'manufacturer warranty', 'register my product', 'product registration'],
    it: ['garanzia', 'garanzie', 'garantito', 'garantita', 'garanzia legale', 'garanzia del produttore', 'in garanzia', 'garanzia convenzionale', 'estensione di garanzia', 'coperto da garanzia', 'richiesta di garanzia', 'garanzia di conformità', 'anni di garanzia', 'registrare il prodotto', 'registrazione prodotto'],
  },
  {
    id: 'protection-plan',
    en: ['accidental damage', 'protection plan', 'care plan', 'device insurance', 'applecare', 'damage cover', 'insurance plan'],
    it: ['danni accidentali', 'protezione danni', 'piano di protezione', 'polizza', 'polizza danni', 'applecare', 'copertura danni'],
  },
  {
    id: 'repair',
    en: ['repair', 'repairs', 'repaired', 'fix', 'fixed', 'mend', 'service centre', 'service center', 'spare parts', 'spare part', 'replacement part', 'replacement parts', 'aftercare'],
    it: ['riparazione', 'riparazioni', 'riparare', 'riparato', 'aggiustare', 'aggiustato', 'centro assistenza', 'assistenza tecnica', 'pezzi di ricambio', 'ricambi', 'ricambio', 'laboratorio', 'assistenza post vendita'],
  },
  {
    id: 'tech-support',
    en: ['setup', 'set up', 'setting up', 'troubleshooting', 'troubleshoot', 'user manual', 'manual', 'bluetooth', 'bluetooth pairing', 'pair with my phone', 'firmware', 'software update', 'tech support', 'technical support', 'factory reset', 'connect to wifi', 'wifi'],
    it: ['configurazione', 'configurare', 'manuale', "manuale d'uso", 'manuale di istruzioni', 'libretto di istruzioni', 'libretto', 'accoppiare', 'associare', 'bluetooth', 'firmware', 'aggiornamento software', 'ripristino', 'wifi'],
  },
  {
    id: 'battery-charging',
    en: ['battery', 'batteries', 'battery life', 'charger', 'recharge', 'rechargeable', 'power bank', 'charging cable'],
    it: ['batteria', 'batterie', 'durata della batteria', 'autonomia', 'caricabatterie', 'ricarica', 'ricaricabile', 'caricare', 'cavo di ricarica'],
  },
  {
    id: 'compatibility',
    en: ['compatible', 'compatible with', 'fit my model', 'compatibility', 'adapter', 'adaptor', 'plug', 'uk plug', 'eu plug', 'voltage', 'socket', 'model number'],
    it: ['compatibile', 'compatibili', 'compatibilità', 'adattatore', 'spina', 'presa', 'voltaggio', 'tensione', 'spina italiana', 'modello compatibile', 'compatibile con'],
  },
  {
    id: 'certification',
    en: ['certified', 'certification', 'certificate', 'ce marking', 'ce mark', 'safety standards', 'bpa free', 'non-toxic'],
    it: ['certificato', 'certificazione', 'certificazioni', 'marchio ce', 'norme di sicurezza', 'senza bpa', 'atossico', 'conforme'],
  },
  {
    id: 'energy-efficiency',
    en: ['energy class', 'energy rating', 'energy label', 'energy efficiency', 'power consumption', 'energy consumption', 'wattage'],
    it: ['classe energetica', 'etichetta energetica', 'consumo energetico', 'consumi', 'efficienza energetica', 'potenza', 'wattaggio'],
  },
  {
    id: 'refurbished',
    en: ['refurbished', 'renewed', 'second hand', 'second-hand', 'pre-owned', 'preowned', 'open box', 'ex-display', 'ex display', 'graded', 'used items', 'used products', 'reconditioned'],
    it: ['ricondizionato', 'ricondizionati', 'rigenerato', 'seconda mano', 'di seconda mano', 'ex demo', 'articoli usati', 'prodotti usati', 'ex esposizione', 'esposizione', 'pari al nuovo'],
  },
  {
    id: 'old-appliance-disposal',
    en: ['old appliance', 'take away my old', 'removal of old', 'weee', 'recycling', 'recycle', 'dispose', 'disposal', 'haul away', 'take back old'],
    it: ["ritiro dell'usato", 'ritiro usato', 'raee', 'smaltimento', 'smaltire', 'riciclo', 'riciclare', 'ritiro del vecchio', 'vecchio elettrodomestico', 'ritiro uno contro uno'],
  },

  // ---------------------------------------------------------------- gifts, codes, promotions, prices
  {
    id: 'gift-card',
    en: ['gift card', 'gift cards', 'giftcard', 'giftcards', 'voucher', 'vouchers', 'gift voucher', 'gift vouchers', 'e-gift card', 'egift', 'egift card', 'gift certificate', 'gift token', 'digital gift card'],
    it: ['gift card', 'giftcard', 'buono regalo', 'buoni regalo', 'carta regalo', 'carte regalo', 'voucher', 'buono acquisto', 'buoni acquisto', 'buono spesa', 'e-gift card', 'card regalo', 'tessera regalo', 'cofanetto regalo', 'regalare un buono'],
  },
  {
    id: 'gift-card-balance',
    en: ['balance', 'remaining balance', 'check balance', 'check my balance', 'credit left', 'how much is left', 'remaining credit'],
    it: ['credito residuo', 'importo residuo', 'saldo residuo', 'saldo della carta', 'verificare il saldo', 'controllare il credito', 'quanto resta', 'credito rimanente'],
  },
  {
    id: 'gift-order',
    en: ['gift', 'gifts', 'present', 'presents', 'as a gift', 'send as a gift', 'gift receipt', 'hide the price', 'without prices', 'no prices', 'for someone else', 'gift for'],
    it: ['regalo', 'regali', 'regalare', 'per un regalo', 'come regalo', 'scontrino di cortesia', 'ricevuta regalo', 'senza prezzo', 'senza prezzi', 'nascondere il prezzo', "per un'altra persona", 'fare un regalo'],
  },
  {
    id: 'gift-wrap',
    en: ['gift wrap', 'gift wrapping', 'gift-wrapped', 'gift wrapped', 'wrapping', 'wrap', 'wrapped', 'gift box', 'gift bag', 'wrapping paper', 'ribbon'],
    it: ['confezione regalo', 'pacchetto regalo', 'pacco regalo', 'incarto', 'incartare', 'impacchettare', 'impacchettato', 'scatola regalo', 'sacchetto regalo', 'nastro', 'fiocco'],
  },
  {
    id: 'gift-message',
    en: ['gift message', 'personal message', 'card message', 'greeting card', 'greetings card', 'message card', 'handwritten note', 'add a message', 'add a note'],
    it: ['messaggio regalo', 'bigliettino', 'biglietto personalizzato', "biglietto d'auguri", 'dedica', 'messaggio personalizzato', 'aggiungere un messaggio', 'aggiungere una dedica', 'biglietto di auguri'],
  },
  {
    id: 'gift-registry',
    en: ['wedding list', 'gift registry', 'wedding registry', 'baby registry', 'gift list'],
    it: ['lista nozze', 'lista regali', 'lista nascita', 'lista di nozze', 'lista regalo'],
  },
  {
    id: 'free-gift',
    en: ['free gift', 'gift with purchase', 'freebie', 'freebies', 'bonus gift'],
    it: ['omaggio', 'omaggi', 'in omaggio', 'regalo in omaggio', 'gadget', 'regalo con acquisto'],
  },
  {
    id: 'discount-code',
    en: ['discount code', 'discount codes', 'promo code', 'promo codes', 'promotional code', 'coupon', 'coupons', 'coupon code', 'voucher code', 'offer code', 'code', 'codes', 'apply code', 'enter code', 'redeem code', 'discount voucher'],
    it: ['codice sconto', 'codici sconto', 'codice promozionale', 'codici promozionali', 'codice promo', 'coupon', 'codice coupon', 'buono sconto', 'buoni sconto', 'codice', 'codici', 'inserire il codice', 'applicare il codice', 'codice voucher', 'codice offerta'],
  },
  {
    id: 'code-not-working',
    en: ['code not working', "code doesn't work", 'invalid code', 'code invalid', 'code rejected', 'code not accepted', 'code expired', 'discount not applied', 'discount not applying', 'code error'],
    it: ['codice non funziona', 'codice non valido', 'codice non accettato', 'codice scaduto', 'codice errato', 'sconto non applicato', 'sconto non viene applicato', 'codice rifiutato', 'errore codice'],
  },
  {
    id: 'stack-discounts',
    en: ['combine codes', 'combine discounts', 'stack', 'stack codes', 'stackable', 'more than one code', 'two codes', 'multiple codes', 'use two codes'],
    it: ['cumulabile', 'cumulabili', 'cumulare', 'cumulare gli sconti', 'due codici', 'sommare gli sconti', 'codici insieme', 'usare due codici'],
  },
  {
    id: 'discount',
    en: ['discount', 'discounts', 'discounted', 'percent off', 'money off', 'deal', 'deals', 'reduction', 'reductions', 'reduced', 'markdown', 'cheaper'],
    it: ['sconto', 'sconti', 'scontato', 'scontati', 'scontata', 'riduzione', 'ribasso', 'ribassato', 'ribassi', 'percentuale di sconto', 'prezzo ridotto', 'risparmiare'],
  },
  {
    id: 'promotion-sale',
    en: ['sale', 'sales', 'on sale', 'promotion', 'promotions', 'promo', 'special offer', 'current offers', 'latest offers', 'on offer', 'special offers', 'black friday', 'cyber monday', 'clearance', 'outlet', 'seasonal sale', 'end of season'],
    it: ['saldi', 'saldo', 'in saldo', 'promozione', 'promozioni', 'promo', 'offerta', 'offerte', 'offerta speciale', 'black friday', 'cyber monday', 'svendita', 'outlet', 'fine stagione', 'in offerta', 'volantino'],
  },
  {
    id: 'first-order-discount',
    en: ['first order discount', 'first order', 'first purchase', 'welcome discount', 'welcome offer', 'new customer discount', 'new customers', 'sign up discount', 'first time buyer', 'first time customer', 'first-time customers'],
    it: ['sconto primo ordine', 'primo ordine', 'primo acquisto', 'sconto di benvenuto', 'benvenuto', 'nuovi clienti', 'nuovo cliente', "sconto all'iscrizione"],
  },
  {
    id: 'special-group-discount',
    en: ['student discount', 'students', 'student', 'unidays', 'student beans', 'nhs discount', 'military discount', 'teacher discount', 'teachers', 'key workers', 'senior discount'],
    it: ['sconto studenti', 'studenti', 'studente', 'sconto universitari', 'sconto militari', 'sconto insegnanti', 'insegnanti', 'sconto over 65', 'sconto dipendenti', 'convenzione', 'convenzioni'],
  },
  {
    id: 'price-match',
    en: ['price match', 'price matching', 'price promise', 'cheaper elsewhere', 'cheaper somewhere else', 'lower price elsewhere', 'match the price', 'beat the price', 'competitor', 'competitors'],
    it: ['prezzo più basso altrove', 'costa meno altrove', 'meno caro altrove', 'adeguamento prezzo', 'adeguare il prezzo', 'allineamento prezzi', 'concorrenza', 'concorrente', 'concorrenti', 'prezzo migliore'],
  },
  {
    id: 'price-drop',
    en: ['price drop', 'price dropped', 'price went down', 'price adjustment', 'price protection', 'refund the difference', 'went on sale after', 'reduced after i bought', 'price difference'],
    it: ['prezzo sceso', 'prezzo abbassato', 'calo di prezzo', 'differenza di prezzo', 'rimborso della differenza', 'rimborsare la differenza', 'ribassato dopo', 'sceso di prezzo'],
  },
  {
    id: 'vat-tax',
    en: ['vat', 'vat included', 'including vat', 'inc vat', 'incl vat', 'excluding vat', 'ex vat', 'plus vat', 'sales tax', 'tax', 'taxes', 'tax included', 'tax free', 'tax-free'],
    it: ['iva', 'iva inclusa', 'iva compresa', 'iva esclusa', 'esclusa iva', 'più iva', 'ivato', 'prezzi ivati', 'tasse', 'tassa', 'imposte', 'imposta', 'tax free', 'esente iva', 'aliquota'],
  },
  {
    id: 'extra-fees',
    en: ['hidden fees', 'hidden costs', 'extra fees', 'extra costs', 'additional charges', 'additional fees', 'surprise charges'],
    it: ['costi nascosti', 'costi aggiuntivi', 'spese extra', 'spese aggiuntive', 'costi extra', 'supplementi nascosti', 'sorprese in fattura'],
  },
  {
    id: 'price-error',
    en: ['wrong price', 'price error', 'pricing error', 'pricing mistake', 'incorrect price', 'price was wrong', 'different price at checkout'],
    it: ['prezzo sbagliato', 'prezzo errato', 'errore di prezzo', 'errore nel prezzo', 'prezzo diverso', 'prezzo diverso in cassa'],
  },
  {
    id: 'currency',
    en: ['currency', 'currencies', 'pounds', 'sterling', 'euros', 'euro', 'dollars', 'exchange rate', 'convert', 'conversion', 'local currency'],
    it: ['euro', 'dollari', 'sterline', 'cambio valuta', 'tasso di cambio', 'conversione', 'valuta locale', 'valuta estera'],
  },
  {
    id: 'loyalty',
    en: ['loyalty', 'loyalty points', 'loyalty programme', 'loyalty program', 'loyalty card', 'loyalty scheme', 'points', 'reward points', 'rewards', 'reward', 'membership', 'member', 'members', 'vip', 'cashback', 'club', 'tier'],
    it: ['fedeltà', 'punti fedeltà', 'programma fedeltà', 'carta fedeltà', 'tessera fedeltà', 'punti', 'raccolta punti', 'premi', 'premio', 'membri', 'membro', 'vip', 'cashback', 'club', 'tessera', 'livello'],
  },
  {
    id: 'birthday',
    en: ['birthday', 'birthday discount', 'birthday gift', 'birthday treat'],
    it: ['compleanno', 'sconto compleanno', 'regalo di compleanno', 'sconto di compleanno'],
  },
  {
    id: 'referral',
    en: ['refer a friend', 'referral', 'referrals', 'referral code', 'invite a friend', 'invite friends', 'recommend a friend'],
    it: ['invita un amico', 'presenta un amico', 'invitare un amico', 'codice amico', 'referral', 'codice invito', 'porta un amico'],
  },

  // ---------------------------------------------------------------- marketing email and notifications
  {
    id: 'newsletter',
    en: ['newsletter', 'newsletters', 'mailing list', 'email list', 'subscribe', 'subscribed', 'subscribing', 'marketing emails', 'promotional emails', 'marketing email', 'join the mailing list'],
    it: ['newsletter', 'mailing list', 'iscrizione', 'iscrivermi', 'iscriversi', 'iscritto', 'iscritta', 'email promozionali', 'mail promozionali', 'email di marketing', 'comunicazioni commerciali', 'comunicazioni promozionali', 'lista email'],
  },
  {
    id: 'unsubscribe',
    en: ['unsubscribe', 'unsubscribed', 'unsubscribing', 'opt out', 'opt-out', 'opting out', 'stop emails', 'stop getting emails', 'stop emailing', 'stop sending', 'stop receiving', 'take me off', 'too many emails', 'no more emails', 'spam', 'stop the newsletter', 'stop the spam', "don't want emails", 'no more newsletters', 'stop marketing emails', 'leave the mailing list', 'unsubscribe link', 'remove from mailing list', 'remove my email'],
    it: ['disiscrivermi', 'disiscriversi', 'disiscrizione', 'disiscritto', 'cancellarmi dalla newsletter', "cancellare l'iscrizione", 'annullare iscrizione', "annullare l'iscrizione", 'smettete di mandarmi', 'smettere di ricevere', 'non voglio ricevere', 'toglietemi', 'togliermi dalla lista', 'troppe email', 'troppe mail', 'revocare il consenso', 'disattivare la newsletter', 'basta email', 'basta mail', 'non voglio più email', 'cancellarmi dalla mailing list', 'disdire la newsletter', 'stop newsletter', "disdire l'iscrizione", "disdire l'abbonamento alla newsletter"],
  },
  {
    id: 'notifications',
    en: ['notifications', 'notification', 'sms', 'text message', 'text messages', 'texts', 'push notifications', 'alerts'],
    it: ['notifiche', 'notifica', 'sms', 'avvisi', 'notifiche push', 'messaggino'],
  },

  // ---------------------------------------------------------------- account
  {
    id: 'account',
    en: ['account', 'accounts', 'my account', 'profile', 'customer account', 'customer area', 'dashboard', 'user account'],
    it: ['account', 'profilo', 'area personale', 'area riservata', 'il mio account', 'account cliente', 'area clienti', 'utenza'],
  },
  {
    id: 'registration',
    en: ['register', 'registration', 'sign up', 'signing up', 'create an account', 'open an account', 'new account', 'join', 'registering'],
    it: ['registrarsi', 'registrarmi', 'registrazione', 'registrato', 'creare un account', 'aprire un account', 'nuovo account', 'iscrizione al sito', 'creazione account'],
  },
  {
    id: 'guest-checkout',
    en: ['guest checkout', 'as a guest', 'guest', 'without an account', 'without registering', 'without signing up', 'no account'],
    it: ['senza registrarsi', 'senza registrazione', 'senza account', 'come ospite', 'ospite', 'acquisto come ospite', 'senza registrarmi'],
  },
  {
    id: 'login',
    en: ['log in', 'login', 'log on', 'logging in', 'sign in', 'signing in', "can't log in", 'cannot log in', 'locked out', 'access my account', 'logged out'],
    it: ['accedere', 'accesso', 'login', 'accedo', 'loggarmi', 'entrare nel profilo', "entrare nell'account", 'non riesco ad accedere', 'fare il login', 'account bloccato'],
  },
  {
    id: 'email-not-received',
    en: ["didn't get the email", 'email not received', 'no email', 'spam folder', 'junk folder', 'junk mail', 'check my spam', "emails aren't arriving", 'not getting emails'],
    it: ["non ho ricevuto l'email", 'email non ricevuta', 'mail non ricevuta', 'nessuna email', 'cartella spam', 'posta indesiderata', 'controllare lo spam', 'non arrivano le mail', 'non arrivano le email', 'mail non arrivata'],
  },
  {
    id: 'verification-code',
    en: ['verification code', 'otp', 'one-time code', 'one time password', 'sms code', 'two-factor', '2fa', 'security code'],
    it: ['codice di verifica', 'codice otp', 'otp', 'codice monouso', 'codice sms', 'autenticazione a due fattori', 'codice di sicurezza'],
  },
  {
    id: 'password',
    en: ['password', 'passwords', 'forgot password', 'forgotten password', 'forgot my password', 'reset password', 'password reset', 'reset my password', 'new password', 'change password', 'reset link', 'forgot my login', 'forgotten login', 'reset'],
    it: ['password', 'password dimenticata', 'dimenticato la password', 'reimpostare la password', 'recuperare la password', 'recupero password', 'cambiare password', 'cambiare la password', 'nuova password', 'parola chiave', 'reimpostazione', 'resettare la password', 'resettare', 'reset'],
  },
  {
    id: 'account-security',
    en: ['hacked', 'account hacked', 'suspicious activity', 'someone used my account', 'unauthorised access', 'compromised'],
    it: ['account violato', 'hackerato', 'hackerata', 'accesso sospetto', 'attività sospetta', 'qualcuno ha usato', 'account compromesso'],
  },
  {
    id: 'account-details',
    en: ['update my details', 'change my details', 'change email', 'change my email', 'change my name', 'update my email', 'change phone number', 'account details'],
    it: ['modificare i miei dati', 'aggiornare i dati', 'cambiare email', 'cambiare la mail', 'cambiare nome', 'modificare il profilo', 'dati del profilo', 'dati account'],
  },
  {
    id: 'delete-account',
    en: ['delete account', 'delete my account', 'close my account', 'close account', 'remove my account', 'deactivate account', 'deactivate my account', 'account deletion'],
    it: ["cancellare l'account", "eliminare l'account", 'eliminare account', "chiudere l'account", 'chiudere il profilo', 'eliminare il profilo', "disattivare l'account", "cancellazione dell'account"],
  },
  {
    id: 'wishlist',
    en: ['wishlist', 'wish list', 'wishlists', 'save for later', 'saved items', 'favourites', 'favorites', 'favourite'],
    it: ['lista dei desideri', 'lista desideri', 'wishlist', 'preferiti', 'salvare per dopo', 'articoli salvati', 'salvare un articolo'],
  },

  // ---------------------------------------------------------------- payment
  {
    id: 'payment-methods',
    en: ['payment methods', 'payment method', 'payment options', 'payment option', 'ways to pay', 'pay', 'paying', 'payment', 'payments', 'accepted payments', 'change payment method', 'pay with'],
    it: ['metodi di pagamento', 'metodo di pagamento', 'modalità di pagamento', 'forme di pagamento', 'pagamento', 'pagamenti', 'pagare', 'pago', 'pagato', 'opzioni di pagamento', 'come pagare', 'pagare con'],
  },
  {
    id: 'card-payment',
    en: ['card', 'cards', 'credit card', 'debit card', 'bank card', 'visa', 'mastercard', 'amex', 'american express', 'maestro', 'prepaid card', 'card details'],
    it: ['carta', 'carte', 'carta di credito', 'carte di credito', 'carta di debito', 'bancomat', 'visa', 'mastercard', 'amex', 'american express', 'maestro', 'postepay', 'carta prepagata', 'prepagata'],
  },
  { id: 'paypal', en: ['paypal', 'pay pal'], it: ['paypal', 'pay pal'] },
  {
    id: 'bank-transfer',
    en: ['bank transfer', 'wire transfer', 'bank wire', 'transfer', 'iban', 'bacs', 'bank details', 'sepa'],
    it: ['bonifico', 'bonifico bancario', 'bonifico istantaneo', 'iban', 'trasferimento bancario', 'coordinate bancarie', 'sepa', 'estremi bancari'],
  },
  {
    id: 'cash-on-delivery',
    en: ['cash on delivery', 'cod', 'pay on delivery', 'pay cash', 'cash', 'pay the courier', 'pay the driver'],
    it: ['contrassegno', 'pagamento alla consegna', 'pagare alla consegna', 'in contanti', 'contanti', 'pagare al corriere', 'pagamento in contanti'],
  },
  {
    id: 'instalments',
    en: ['klarna', 'pay in instalments', 'pay in installments', 'monthly instalments', 'pay later', 'pay in three', 'buy now pay later', 'afterpay', 'clearpay', 'scalapay', 'financing', 'finance', 'monthly payments', 'split payment', 'spread the cost', 'interest free', 'interest-free', 'zero interest'],
    it: ['rate', 'a rate', 'rata', 'rateale', 'rateizzare', 'rateizzato', 'pagamento a rate', 'pagare a rate', 'in tre rate', 'klarna', 'scalapay', 'finanziamento', 'pagamento dilazionato', 'paga dopo', 'pagamento posticipato', 'tasso zero', 'senza interessi', 'interessi zero'],
  },
  {
    id: 'digital-wallet',
    en: ['apple pay', 'google pay', 'samsung pay', 'amazon pay', 'satispay', 'digital wallet', 'mobile payment'],
    it: ['apple pay', 'google pay', 'samsung pay', 'amazon pay', 'satispay', 'portafoglio digitale', 'pagamento da smartphone'],
  },
  {
    id: 'payment-failed',
    en: ['payment failed', 'payment declined', 'declined', 'card declined', 'card rejected', 'payment rejected', 'transaction failed', 'payment error', 'payment not going through', "won't go through", 'payment refused', 'unable to pay'],
    it: ['pagamento rifiutato', 'pagamento non riuscito', 'pagamento fallito', 'carta rifiutata', 'transazione rifiutata', 'transazione fallita', 'errore nel pagamento', 'errore di pagamento', 'non riesco a pagare', 'pagamento negato', 'pagamento non andato'],
  },
  {
    id: 'charged-twice',
    en: ['charged twice', 'double charge', 'double charged', 'duplicate charge', 'charged two times', 'billed twice', 'paid twice', 'taken twice', 'two payments', 'extra charge', 'overcharged', 'took the money twice', 'charged me twice'],
    it: ['addebitato due volte', 'addebito doppio', 'doppio addebito', 'pagato due volte', 'addebito duplicato', 'doppio pagamento', 'due addebiti', 'scalato due volte', 'soldi presi due volte'],
  },
  {
    id: 'payment-authorisation',
    en: ['pending', 'pending payment', 'pending charge', 'authorisation', 'hold on my card', 'when am i charged', 'card charged', 'money taken', 'debited'],
    it: ['addebito', 'addebitato', 'addebitata', 'preautorizzazione', 'autorizzazione', 'importo bloccato', 'in sospeso', 'pagamento in sospeso', 'quando viene addebitato', 'soldi scalati', 'transazione in attesa'],
  },
  {
    id: 'government-voucher',
    en: ['teacher card', 'culture bonus', 'government voucher', '18app', 'teacher voucher', 'culture card'],
    it: ['carta del docente', 'bonus cultura', '18app', 'carta della cultura', 'bonus docenti', 'buono docente', 'carta cultura giovani', 'carta docente'],
  },
  {
    id: 'payment-security',
    en: ['secure payment', 'secure', 'security', 'safe to pay', '3d secure', 'encryption', 'encrypted', 'ssl', 'card details safe', 'verified by visa'],
    it: ['pagamento sicuro', 'sicuro', 'sicura', 'sicurezza', 'pagamenti sicuri', '3d secure', 'crittografia', 'criptato', 'dati della carta', 'protezione acquisti', 'ssl'],
  },
  {
    id: 'deposit',
    en: ['deposit', 'down payment', 'pay a deposit', 'advance payment', 'pay upfront', 'partial payment'],
    it: ['acconto', 'caparra', 'anticipo', 'pagamento anticipato', 'pagare in anticipo', 'pagamento parziale'],
  },

  // ---------------------------------------------------------------- invoices
  {
    id: 'invoice',
    en: ['invoice', 'invoices', 'receipt', 'receipts', 'vat invoice', 'tax invoice', 'proof of purchase', 'copy of invoice', 'copy of my receipt'],
    it: ['fattura', 'fatture', 'ricevuta', 'ricevute', 'scontrino', 'scontrini', 'fattura elettronica', 'ricevuta fiscale', "prova d'acquisto", "documento d'acquisto", 'copia della fattura', 'fatturare'],
  },
  {
    id: 'company-tax-details',
    en: ['vat number', 'vat registration', 'tax code', 'tax number', 'fiscal code', 'company details', 'company name', 'business invoice', 'company invoice', 'eori'],
    it: ['partita iva', 'piva', 'codice fiscale', 'codice sdi', 'sdi', 'pec', 'codice destinatario', 'ragione sociale', 'dati aziendali', 'fattura intestata', 'intestare la fattura', "fattura all'azienda", 'fattura aziendale'],
  },
  {
    id: 'billing-address',
    en: ['billing address', 'billing', 'billing details', 'invoice address', 'different billing address', 'cardholder address'],
    it: ['indirizzo di fatturazione', 'dati di fatturazione', 'dati fatturazione', 'indirizzo fatturazione'],
  },

  // ---------------------------------------------------------------- sizes and fit (fashion)
  {
    id: 'size',
    en: ['size', 'sizes', 'sizing', 'size guide', 'size chart', 'size table', 'what size', 'which size', 'measurements', 'measure', 'measuring', 'small', 'medium', 'large', 'xs', 'xl', 'xxl', 'petite', 'plus size', 'uk size', 'us size', 'eu size'],
    it: ['taglia', 'taglie', 'misura', 'misure', 'guida alle taglie', 'tabella taglie', 'tabella delle taglie', 'che taglia', 'quale taglia', 'misurare', 'misurarmi', 'small', 'medium', 'xs', 'xl', 'xxl', 'taglie forti', 'conversione taglie'],
  },
  {
    id: 'age-range',
    en: ['age range', 'recommended age', 'for kids', 'for children', 'children', 'kids', 'baby', 'toddler', 'newborn'],
    it: ['fascia di età', "fascia d'età", 'età consigliata', 'per bambini', 'bambini', 'bambino', 'bimbi', 'neonato', 'neonati'],
  },
  {
    id: 'fit',
    en: ['fit', 'fits', 'fitting', 'true to size', 'runs small', 'runs large', 'runs big', 'come up small', 'tight', 'loose', 'snug', 'roomy', 'slim fit', 'regular fit', 'oversized', 'baggy', 'model is wearing', 'model wears', 'model height'],
    it: ['vestibilità', 'veste piccolo', 'veste grande', 'veste regolare', 'stretto', 'stretta', 'largo', 'larga', 'aderente', 'comodo', 'oversize', 'slim', 'come veste', 'calza piccolo', 'calza grande', 'la modella indossa', 'taglia della modella', 'altezza della modella', 'il modello indossa'],
  },
  {
    id: 'shoe-size',
    en: ['shoe size', 'shoe sizes', 'half size', 'half sizes', 'wide feet', 'wide fit', 'foot length', 'narrow feet'],
    it: ['numero di scarpe', 'numero scarpa', 'mezzo numero', 'mezza taglia', 'piede largo', 'pianta larga', 'lunghezza del piede'],
  },
  {
    id: 'alterations',
    en: ['alterations', 'alteration', 'hemming', 'hem', 'take up', 'shorten', 'tailoring'],
    it: ['orlo', 'orli', 'sartoria', 'modifiche sartoriali', 'accorciare', 'stringere', 'riparazioni sartoriali'],
  },
  {
    id: 'personalisation',
    en: ['personalise', 'personalised', 'personalisation', 'customise', 'engraving', 'engrave', 'engraved', 'monogram', 'embroidery', 'embroidered', 'bespoke', 'made to measure'],
    it: ['personalizzare', 'personalizzato', 'personalizzata', 'personalizzazione', 'incisione', 'incidere', 'inciso', 'ricamo', 'ricamato', 'monogramma', 'iniziali', 'nome stampato', 'fatto su misura'],
  },

  // ---------------------------------------------------------------- stock
  {
    id: 'availability',
    en: ['in stock', 'out of stock', 'stock', 'available', 'availability', 'unavailable', 'not available', 'sold out', 'inventory', 'stock levels', 'stocks'],
    it: ['disponibile', 'disponibili', 'disponibilità', 'non disponibile', 'esaurito', 'esaurita', 'esauriti', 'in magazzino', 'magazzino', 'sold out', 'scorte'],
  },
  {
    id: 'store-stock',
    en: ['available in store', 'in-store stock', 'stock in store', 'check store stock', 'in store availability', 'in my local store'],
    it: ['disponibile in negozio', 'disponibilità in negozio', 'disponibili in negozio', 'scorte in negozio', 'presente in negozio'],
  },
  {
    id: 'restock',
    en: ['back in stock', 'restock', 'restocked', 'restocking', 'notify me', 'notify me when', 'stock alert', 'stock notification', 'replenish', 'available again', 'come back in stock', 'email me when'],
    it: ['tornerà disponibile', 'torna disponibile', 'di nuovo disponibile', 'rifornimento', 'riassortimento', 'riassortito', 'avvisami', 'avvisatemi', 'notifica di disponibilità', 'ritorno in stock', 'rientro', 'quando torna', 'riarrivo'],
  },
  {
    id: 'discontinued',
    en: ['discontinued', 'no longer available', 'out of print', 'no longer sold', 'no longer stock', 'end of line'],
    it: ['fuori produzione', 'fuori catalogo', 'non più in vendita', 'non lo producono più', 'fine serie'],
  },
  {
    id: 'pre-order',
    en: ['pre-order', 'preorder', 'pre order', 'preorders', 'pre-ordered', 'reserve', 'reservation', 'advance order', 'release date', 'launch date', 'coming soon', 'upcoming release'],
    it: ['preordine', 'pre-ordine', 'preordinare', 'preordinato', 'prenotare', 'prenotazione', 'prenotato', 'data di uscita', 'uscita', 'prossimamente', 'data di lancio'],
  },
  {
    id: 'made-to-order',
    en: ['made to order', 'custom made', 'production time', 'manufacturing time', 'built to order', 'handmade to order'],
    it: ['realizzato su ordinazione', 'tempi di produzione', 'produzione', 'realizzato su richiesta', 'fatto su ordinazione'],
  },

  // ---------------------------------------------------------------- shops and contact
  {
    id: 'click-collect',
    en: ['click and collect', 'click & collect', 'click-and-collect', 'store pickup', 'in-store pickup', 'pick up in store', 'pick up', 'pickup', 'collect in store', 'collect from store', 'collect it myself', 'reserve and collect', 'someone else collect'],
    it: ['ritiro in negozio', 'ritirare in negozio', 'ritiro', 'ritirare', 'ritiro in store', 'ritiro presso il negozio', 'passare a ritirare', 'ritirarlo di persona', 'click and collect', 'click & collect', 'ritiro in sede', 'delega'],
  },
  {
    id: 'physical-store',
    en: ['store', 'stores', 'physical store', 'physical shop', 'shop near me', 'visit the shop', 'visit your shop', 'brick and mortar', 'store locator', 'showroom', 'boutique', 'retail store', 'shop', 'shops'],
    it: ['negozio', 'negozi', 'negozio fisico', 'negozi fisici', 'punto vendita', 'punti vendita', 'showroom', 'boutique', 'store', 'visitare il negozio', 'rivenditori vicino'],
  },
  {
    id: 'opening-hours',
    en: ['opening hours', 'opening times', 'hours', 'open', 'closed', 'closing time', 'open on sunday', 'business hours', 'when are you open', 'open today', 'when do you open', 'when do you close', 'saturday', 'sunday', 'weekends'],
    it: ['orari', 'orario', 'orari di apertura', 'orario di apertura', 'aperto', 'aperti', 'chiuso', 'chiusi', 'apertura', 'chiusura', 'orario continuato', 'domenica', 'siete aperti', 'sabato', 'festivi aperti'],
  },
  {
    id: 'holidays',
    en: ['bank holiday', 'bank holidays', 'public holiday', 'public holidays', 'christmas', 'holiday', 'holidays', 'easter', 'summer closure', 'christmas delivery', 'new year'],
    it: ['festività', 'festivi', 'giorni festivi', 'natale', 'ferie', 'chiusura estiva', 'ferragosto', 'pasqua', 'capodanno', 'vacanze', 'ponte'],
  },
  {
    id: 'contact',
    en: ['contact', 'contact you', 'contact us', 'contact details', 'get in touch', 'reach you', 'customer service', 'customer services', 'customer support', 'customer care', 'support', 'support team', 'help desk', 'helpdesk', 'speak to you', 'talk to you'],
    it: ['contattare', 'contattarvi', 'contatto', 'contatti', 'assistenza', 'assistenza clienti', 'servizio clienti', 'supporto', 'customer care', 'help desk', 'mettermi in contatto', 'recapiti', 'parlare con voi'],
  },
  {
    id: 'support-hours',
    en: ['customer service hours', 'support hours', 'office hours', 'when can i call', 'when can i reach', 'available hours', 'hours of service'],
    it: ['orari del servizio clienti', 'orari assistenza', "orari dell'assistenza", 'orari di ufficio', 'orario di ufficio', 'orari del supporto', 'reperibilità'],
  },
  {
    id: 'human',
    en: ['human', 'real person', 'speak to someone', 'talk to someone', 'agent', 'representative', 'operator', 'member of staff', 'not a bot'],
    it: ['persona', 'persona reale', 'operatore', 'operatrice', 'umano', 'parlare con qualcuno', 'addetto', 'un essere umano', 'non un bot'],
  },
  {
    id: 'phone',
    en: ['phone', 'telephone', 'call', 'call you', 'phone number', 'telephone number', 'helpline', 'hotline', 'freephone', 'call me back', 'callback', 'by phone', 'mobile number', 'cell phone'],
    it: ['telefono', 'telefonare', 'telefonata', 'chiamare', 'chiamarvi', 'numero di telefono', 'numero verde', 'telefonicamente', 'recapito telefonico', 'richiamare', 'richiamatemi', 'essere richiamato', 'cellulare'],
  },
  {
    id: 'email-contact',
    en: ['email', 'e-mail', 'mail', 'email address', 'email you', 'send an email', 'email support'],
    it: ['email', 'e-mail', 'mail', 'indirizzo email', 'indirizzo e-mail', 'scrivervi', 'scrivere una mail', 'posta elettronica', 'mandare una mail', 'inviare una email'],
  },
  {
    id: 'chat-social',
    en: ['live chat', 'chat', 'whatsapp', 'messenger', 'instagram', 'facebook', 'social media', 'tiktok', 'dm', 'direct message'],
    it: ['chat', 'chat dal vivo', 'whatsapp', 'messenger', 'instagram', 'facebook', 'social', 'tiktok', 'messaggio privato', 'direct'],
  },
  {
    id: 'complaint',
    en: ['complaint', 'complaints', 'complain', 'not happy', 'unhappy', 'dissatisfied', 'disappointed', 'bad service', 'formal complaint', 'escalate', 'terrible service'],
    it: ['reclamo', 'reclami', 'lamentela', 'lamentarmi', 'insoddisfatto', 'insoddisfatta', 'non sono soddisfatto', 'deluso', 'delusa', 'disservizio', 'segnalazione', 'servizio pessimo'],
  },
  {
    id: 'reviews',
    en: ['review', 'reviews', 'write a review', 'leave a review', 'rating', 'ratings', 'testimonials', 'customer reviews', 'feedback'],
    it: ['recensione', 'recensioni', 'lasciare una recensione', 'scrivere una recensione', 'valutazione', 'valutazioni', 'opinioni', 'feedback'],
  },
  {
    id: 'trust',
    en: ['legit', 'legitimate', 'scam', 'fraud', 'fraudulent', 'fake website', 'trustworthy', 'trust', 'reliable', 'trustpilot', 'real company'],
    it: ['truffa', 'truffe', 'affidabile', 'affidabilità', 'sito affidabile', 'fidarmi', 'fidarsi', 'frode', 'sito sicuro', 'sito falso'],
  },
  {
    id: 'authenticity',
    en: ['authentic', 'genuine', 'original', 'originals', 'counterfeit', 'fake', 'replica', 'official retailer', 'authorised dealer', 'authorized dealer', 'official stockist'],
    it: ['originale', 'originali', 'autentico', 'autentica', 'autenticità', 'contraffatto', 'contraffazione', 'falso', 'tarocco', 'ufficiale', 'rivenditore autorizzato', 'rivenditore ufficiale'],
  },
  {
    id: 'company-info',
    en: ['company', 'where are you based', 'based', 'headquarters', 'head office', 'registered office', 'warehouse location', 'family business'],
    it: ['azienda', 'società', 'sede legale', 'sede operativa', 'ditta', 'azienda di famiglia'],
  },
  {
    id: 'wholesale-business',
    en: ['wholesale', 'trade account', 'b2b', 'business order', 'business orders', 'bulk order', 'bulk', 'reseller', 'resellers', 'stockist', 'retailer', 'corporate', 'corporate gifts', 'large quantity', 'volume discount', 'business customers'],
    it: ['ingrosso', "all'ingrosso", 'grossista', 'rivenditore', 'rivenditori', 'b2b', 'ordini aziendali', 'ordine aziendale', 'grandi quantità', 'regali aziendali', 'clienti business', 'sconto quantità', 'rivendita'],
  },
  {
    id: 'affiliate',
    en: ['affiliate', 'affiliates', 'affiliate program', 'affiliate programme', 'influencer', 'influencers', 'collaboration', 'collaborate', 'partnership', 'ambassador'],
    it: ['affiliazione', 'programma di affiliazione', 'affiliato', 'influencer', 'collaborazione', 'collaborare', 'partnership', 'ambassador', 'sponsorizzazione'],
  },
  {
    id: 'careers',
    en: ['jobs', 'job', 'careers', 'career', 'vacancies', 'vacancy', 'hiring', 'apply for a job', 'internship'],
    it: ['lavora con noi', 'lavoro', 'offerte di lavoro', 'posizioni aperte', 'candidatura', 'candidarmi', 'assunzioni', 'stage', 'tirocinio'],
  },
  {
    id: 'appointment',
    en: ['appointment', 'appointments', 'book an appointment', 'consultation', 'personal shopper', 'personal shopping', 'styling session', 'video call'],
    it: ['appuntamento', 'appuntamenti', 'prenotare un appuntamento', 'consulenza', 'personal shopper', 'videochiamata', 'consulenza personalizzata'],
  },
  {
    id: 'advice',
    en: ['advice', 'advise', 'recommend', 'recommendation', 'recommendations', 'suggest', 'suggestion', 'help me choose', 'suitable'],
    it: ['consiglio', 'consigli', 'consigliare', 'consigliate', 'consigliatemi', 'suggerire', 'suggerimento', 'aiutatemi a scegliere', 'aiuto nella scelta'],
  },
  {
    id: 'catalogue',
    en: ['catalogue', 'catalog', 'catalogues', 'brochure', 'printed catalogue', 'lookbook', 'price list'],
    it: ['catalogo', 'cataloghi', 'brochure', 'depliant', 'catalogo cartaceo', 'listino', 'listino prezzi'],
  },

  // ---------------------------------------------------------------- product information
  {
    id: 'materials',
    en: ['material', 'materials', 'fabric', 'fabrics', 'composition', 'cotton', 'organic cotton', 'wool', 'merino', 'cashmere', 'leather', 'faux leather', 'vegan leather', 'polyester', 'linen', 'silk', 'viscose', 'wood', 'solid wood', 'oak', 'metal', 'plastic', 'velvet'],
    it: ['materiale', 'materiali', 'tessuto', 'tessuti', 'composizione', 'cotone', 'cotone biologico', 'lana', 'merino', 'cashmere', 'pelle', 'ecopelle', 'similpelle', 'poliestere', 'lino', 'seta', 'viscosa', 'legno', 'legno massello', 'rovere', 'metallo', 'plastica', 'velluto'],
  },
  {
    id: 'care',
    en: ['care instructions', 'washing instructions', 'care label', 'wash', 'washing', 'washable', 'machine wash', 'machine washable', 'hand wash', 'dry clean', 'iron', 'ironing', 'tumble dry', 'shrink', 'clean', 'cleaning', 'maintenance'],
    it: ['istruzioni di lavaggio', 'etichetta di lavaggio', 'lavaggio', 'lavare', 'lavabile', 'lavatrice', 'lavaggio a mano', 'lavare a mano', 'lavare a secco', 'lavaggio a secco', 'stirare', 'asciugatrice', 'si restringe', 'restringersi', 'pulire', 'pulizia', 'manutenzione', 'cura del prodotto'],
  },
  {
    id: 'dimensions',
    en: ['dimensions', 'dimension', 'how big', 'width', 'height', 'depth', 'length', 'weight', 'heavy', 'weigh', 'fit through the door', 'specifications', 'specs', 'technical details', 'datasheet'],
    it: ['dimensioni', 'dimensione', 'quanto è grande', 'larghezza', 'altezza', 'profondità', 'lunghezza', 'peso', 'pesante', 'quanto pesa', 'specifiche', 'specifiche tecniche', 'scheda tecnica', 'caratteristiche tecniche', 'caratteristiche'],
  },
  {
    id: 'bundle',
    en: ['bundle', 'bundles', 'bundle deal', 'set', 'sets', 'multipack', 'multi-pack', 'kit'],
    it: ['kit', 'confezione multipla', 'multipack', 'pacchetto combinato', 'confezione risparmio'],
  },
  {
    id: 'colour',
    en: ['colour', 'color', 'colours', 'colors', 'shade', 'shades', 'colour accuracy', 'looks different', 'different from the photo', 'shade match'],
    it: ['colore', 'colori', 'tonalità', 'sfumatura', 'nuance', 'diverso dalla foto', 'colore reale'],
  },
  {
    id: 'origin',
    en: ['country of origin', 'made in italy', 'made in the uk', 'where is it made', 'manufactured', 'manufacturer', 'sourced', 'sourcing', 'handmade', 'handcrafted', 'artisan', 'produced'],
    it: ['origine', 'provenienza', 'made in italy', 'prodotto in italia', 'fatto in italia', 'fabbricato', 'produttore', 'artigianale', 'artigianali', 'fatto a mano', 'artigiano', 'filiera'],
  },
  {
    id: 'allergens',
    en: ['allergens', 'allergen', 'allergy', 'allergies', 'allergic', 'gluten', 'gluten free', 'gluten-free', 'nuts', 'nut free', 'peanuts', 'lactose', 'lactose free', 'dairy', 'dairy free', 'coeliac', 'celiac', 'intolerance'],
    it: ['allergeni', 'allergene', 'allergia', 'allergie', 'allergico', 'allergica', 'glutine', 'senza glutine', 'celiaco', 'celiaci', 'celiachia', 'lattosio', 'senza lattosio', 'frutta a guscio', 'arachidi', 'intolleranza', 'intolleranze', 'può contenere tracce'],
  },
  {
    id: 'ingredients',
    en: ['ingredients', 'ingredient', 'contains', 'nutrition', 'nutritional information', 'nutritional values', 'nutrition facts', 'calories', 'inci', 'additives', 'preservatives', 'sugar'],
    it: ['ingredienti', 'ingrediente', 'contiene', 'valori nutrizionali', 'tabella nutrizionale', 'calorie', 'inci', 'additivi', 'zucchero', 'zuccheri', 'etichetta nutrizionale'],
  },
  {
    id: 'dietary',
    en: ['vegan', 'vegetarian', 'halal', 'kosher', 'organic', 'bio', 'plant based', 'plant-based', 'palm oil', 'gmo', 'sugar free', 'keto'],
    it: ['vegano', 'vegana', 'vegani', 'vegetariano', 'vegetariana', 'biologico', 'biologica', 'bio', 'halal', 'kosher', 'olio di palma', 'ogm', 'senza zucchero', 'vegetale'],
  },
  {
    id: 'recipes',
    en: ['recipe', 'recipes', 'how to cook', 'cooking instructions', 'cooking time', 'serving suggestion', 'how to prepare'],
    it: ['ricetta', 'ricette', 'come cucinare', 'cottura', 'tempi di cottura', 'come si cucina', 'modalità di preparazione'],
  },
  {
    id: 'substitution',
    en: ['substitute', 'substitution', 'substitutions', 'substituted', 'alternative product', 'similar product', 'no substitutes'],
    it: ['prodotto sostitutivo', 'prodotti sostitutivi', 'sostitutivo', 'prodotto alternativo', 'prodotti alternativi', 'prodotto simile', 'senza sostituzioni'],
  },
  {
    id: 'cruelty-free',
    en: ['cruelty free', 'cruelty-free', 'tested on animals', 'animal testing', 'not tested on animals'],
    it: ['cruelty free', 'testato su animali', 'test su animali', 'testati sugli animali', 'sperimentazione animale'],
  },
  {
    id: 'skin-type',
    en: ['skin type', 'sensitive skin', 'oily skin', 'dry skin', 'combination skin', 'acne', 'patch test', 'dermatologically tested', 'skincare'],
    it: ['tipo di pelle', 'pelle sensibile', 'pelle grassa', 'pelle secca', 'pelle mista', 'acne', 'dermatologicamente testato', 'skincare', 'cura della pelle', 'nichel'],
  },
  {
    id: 'scent',
    en: ['scent', 'scents', 'fragrance', 'fragrances', 'smell', 'smells', 'perfume', 'unscented', 'fragrance free'],
    it: ['profumo', 'profumi', 'fragranza', 'fragranze', 'odore', 'essenza', 'senza profumo', 'profumazione'],
  },
  {
    id: 'expiry',
    en: ['expiry', 'expiry date', 'expiration', 'expiration date', 'expire', 'expires', 'expired', 'valid until', 'validity', 'shelf life', 'how long it lasts', 'valid for', 'best before date', 'bb date', 'period after opening', 'pao'],
    it: ['scadenza', 'data di scadenza', 'scade', 'scadere', 'scaduto', 'scaduta', 'validità', 'valido fino', 'valido per', 'da consumarsi entro', 'preferibilmente entro', 'conservabilità', 'tmc', 'quanto dura', 'pao', "periodo dopo l'apertura"],
  },
  {
    id: 'storage',
    en: ['storage', 'how to store', 'refrigerate', 'refrigerated', 'fridge', 'freezer', 'freeze', 'frozen', 'room temperature', 'keep cool', 'keep refrigerated', 'once opened'],
    it: ['conservazione', 'conservare', 'conservato', 'come conservare', 'frigo', 'frigorifero', 'congelare', 'congelatore', 'surgelato', 'surgelati', 'temperatura ambiente', 'luogo fresco', "dopo l'apertura", 'una volta aperto'],
  },
  {
    id: 'cold-chain',
    en: ['cold chain', 'chilled', 'chilled delivery', 'insulated', 'insulated box', 'ice packs', 'ice pack', 'perishable', 'perishables', 'fresh food', 'melt', 'heat'],
    it: ['catena del freddo', 'refrigerato', 'refrigerata', 'borsa termica', 'imballo termico', 'ghiaccio', 'siberini', 'deperibile', 'deperibili', 'prodotti freschi', 'freschi', 'sciogliere', 'caldo'],
  },
  {
    id: 'age-restriction',
    en: ['age verification', 'age restriction', 'age restricted', 'proof of age', 'alcohol', 'adults only', 'age check', 'minimum age'],
    it: ['maggiorenne', 'maggiore età', 'verifica età', "verifica dell'età", 'alcolici', 'alcol', 'età minima', "documento d'identità", 'solo adulti'],
  },
  {
    id: 'samples',
    en: ['sample', 'samples', 'free samples', 'swatch', 'swatches', 'fabric sample', 'fabric samples', 'tester', 'testers', 'trial size', 'travel size'],
    it: ['campione', 'campioni', 'campioncino', 'campioncini', 'campioni gratuiti', 'campione di tessuto', 'campioni di tessuto', 'tester', 'formato viaggio', 'mini taglia'],
  },
  {
    id: 'assembly',
    en: ['assembly', 'assemble', 'assembled', 'assembling', 'put together', 'flat pack', 'flat-pack', 'flatpack', 'self assembly', 'assembly service', 'assembly instructions', 'screws', 'tools needed', 'build it'],
    it: ['montaggio', 'montare', 'montato', 'montata', 'assemblaggio', 'assemblare', 'assemblato', 'da montare', 'già montato', 'istruzioni di montaggio', 'servizio di montaggio', 'viti', 'kit di montaggio', 'attrezzi'],
  },
  {
    id: 'installation',
    en: ['installation', 'install', 'installed', 'installing', 'installer', 'wall mount', 'wall mounting', 'mount on the wall', 'plumbing', 'plumbed in', 'connect the appliance', 'fitting service'],
    it: ['installazione', 'installare', 'installato', 'installata', 'installatore', 'tecnico installatore', 'allaccio', 'allacciamento', 'montaggio a parete', 'fissare al muro', 'collegamento', 'messa in funzione'],
  },
  {
    id: 'sustainability',
    en: ['sustainable', 'sustainability', 'eco-friendly', 'eco friendly', 'environmentally friendly', 'environment', 'plastic free', 'plastic-free', 'recyclable packaging', 'carbon neutral', 'compostable'],
    it: ['sostenibile', 'sostenibilità', 'ecologico', 'ecologica', 'ecosostenibile', 'ambiente', 'impatto ambientale', 'plastic free', 'senza plastica', 'imballaggio riciclabile', 'compostabile'],
  },
  {
    id: 'packaging',
    en: ['packing', 'packed', 'how is it packed', 'packaging materials', 'well packed', 'protective packaging', 'bubble wrap'],
    it: ['imballaggio', 'imballaggi', 'imballo', 'imballato', 'confezione', 'confezionato', 'come è imballato', 'pluriball'],
  },
  {
    id: 'discreet-packaging',
    en: ['discreet', 'discreet packaging', 'plain packaging', 'plain box', 'unbranded', 'no logo', 'anonymous'],
    it: ['discreto', 'discreta', 'pacco anonimo', 'confezione anonima', 'anonimo', 'senza logo', 'imballo neutro'],
  },
  {
    id: 'digital-product',
    en: ['ebook', 'ebooks', 'kindle', 'digital download', 'download the ebook', 'pdf', 'epub', 'audiobook', 'digital copy', 'digital version'],
    it: ['ebook', 'e-book', 'libro digitale', 'pdf', 'epub', 'audiolibro', 'formato digitale', "scaricare l'ebook", 'versione digitale', 'copia digitale'],
  },
  {
    id: 'book-edition',
    en: ['edition', 'editions', 'isbn', 'hardback', 'hardcover', 'paperback', 'signed copy', 'first edition', 'author'],
    it: ['edizione', 'edizioni', 'isbn', 'copertina rigida', 'copertina flessibile', 'tascabile', 'copia autografata', 'autografata', 'prima edizione', 'traduzione', 'autore', 'editore'],
  },
  {
    id: 'school-books',
    en: ['school books', 'textbooks', 'textbook', 'school list', 'book list', 'reading list'],
    it: ['libri scolastici', 'libri di scuola', 'testi scolastici', 'adozioni', 'cedola libraria', 'cedole librarie', 'lista dei libri'],
  },

  // ---------------------------------------------------------------- website, privacy, legal
  {
    id: 'privacy',
    en: ['privacy', 'privacy policy', 'personal data', 'data protection', 'gdpr', 'my data', 'share my data', 'cookie policy', 'cookies policy', 'cookie settings', 'data processing'],
    it: ['privacy', 'informativa privacy', 'informativa sulla privacy', 'dati personali', 'protezione dei dati', 'trattamento dei dati', 'gdpr', 'cookie policy', 'informativa cookie', 'cookie', 'consenso', 'riservatezza'],
  },
  {
    id: 'data-deletion',
    en: ['delete my data', 'erase my data', 'remove my data', 'delete my information', 'right to be forgotten', 'data erasure', 'data deletion', 'forget me'],
    it: ['cancellare i miei dati', 'cancellazione dei dati', 'eliminare i miei dati', 'rimuovere i miei dati', "diritto all'oblio", 'cancellazione dati', 'eliminazione dei dati'],
  },
  {
    id: 'data-export',
    en: ['copy of my data', 'export my data', 'download my data', 'data access request', 'subject access request', 'what data you hold'],
    it: ['copia dei miei dati', 'esportare i miei dati', 'esportazione dei dati', 'accesso ai dati', 'scaricare i miei dati'],
  },
  {
    id: 'terms',
    en: ['terms and conditions', 'terms of sale', 'terms of service', 't&cs', 'ts and cs', 'conditions of sale', 'legal notice', 'small print'],
    it: ['termini e condizioni', 'condizioni di vendita', 'condizioni generali', 'condizioni generali di vendita', 'note legali', 'termini di servizio', 'clausole'],
  },
  {
    id: 'site-problem',
    en: ['website not working', 'site not working', 'error message', 'error', 'bug', 'glitch', 'page not loading', "won't load", 'crash', 'crashes', 'technical problem', 'technical issue'],
    it: ['sito non funziona', 'errore', 'messaggio di errore', 'bug', 'pagina non si carica', 'non si carica', 'si blocca', 'sito bloccato', 'problema tecnico', 'malfunzionamento del sito'],
  },
  {
    id: 'app',
    en: ['app', 'mobile app', 'apps', 'iphone app', 'android app', 'ios', 'android', 'app store', 'google play'],
    it: ['app', 'applicazione', 'applicazione mobile', 'app per iphone', 'app android', 'ios', 'android', 'app store', 'google play'],
  },
  {
    id: 'language',
    en: ['language', 'languages', 'change language', 'in english', 'in italian', 'english version', 'italian version', 'translate'],
    it: ['lingua', 'lingue', 'cambiare lingua', 'in inglese', 'versione inglese', 'versione italiana', 'tradurre', 'lingua italiana'],
  },
];
