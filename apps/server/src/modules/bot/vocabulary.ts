/**
 * The bot's built-in bilingual e-commerce vocabulary (issue #17, must have 2): the concepts an
 * online shop's FAQ talks about (fashion, electronics, food and drink, furniture and home, beauty,
 * books, sports, toys, pets, jewellery, pharmacy), each with the words and short phrases shoppers
 * and shops use for it in English (British and American) and Italian (as Italians write it, English
 * loan words included: "tracking", "voucher", "coupon"), the formal FAQ wording and the colloquial,
 * indirect ways shoppers say the same thing ("where's my stuff", "rimandarvelo", "riavere i soldi").
 * A phrase whose stems come down to one everyday word ("change it for" -> "change", "ricevuta" ->
 * the stem of "ricevere") would tag half the questions with its concept: such phrases stay out.
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
    en: ['shipping', 'ship', 'shipment', 'shipments', 'delivery', 'deliveries', 'deliver', 'send', 'sending', 'sent', 'post', 'posting', 'mail order', 'shipped', 'shipping options', 'delivery options', 'delivery methods', 'shipping methods', 'post it'],
    it: ['spedizione', 'spedizioni', 'spedire', 'spedite', 'spedito', 'consegna', 'consegne', 'consegnare', 'consegnate', 'invio', 'inviare', 'inviate', 'mandare', 'recapitare', 'delivery', 'shipping', 'spedisce', 'spedisco', 'spediamo', 'spediranno', 'modalità di spedizione', 'metodi di spedizione', 'opzioni di consegna'],
  },
  {
    id: 'shipping-cost',
    en: ['shipping cost', 'shipping costs', 'shipping fee', 'shipping charge', 'shipping charges', 'shipping rate', 'shipping price', 'delivery charge', 'delivery charges', 'delivery fee', 'delivery cost', 'delivery price', 'postage', 'postage and packing', 'carriage', 'postage costs', 'cost to ship', 'cost to deliver', 'delivery rates', 'shipping rates', 'standard delivery', 'standard shipping', 'flat rate', 'shipping fees', 'charge for delivery', 'charge for shipping', 'pay for shipping', 'shipping so expensive', 'delivery included', 'shipping included', 'postage included', 'including delivery', 'cost of delivery', 'cost of shipping', 'cost of postage', 'how much is postage', 'how much is delivery', 'how much is shipping'],
    it: ['spese di spedizione', 'costi di spedizione', 'costo di spedizione', 'costo spedizione', 'costo della spedizione', 'spese di consegna', 'costo della consegna', 'costo di consegna', 'tariffe di spedizione', 'tariffa di spedizione', 'spese postali', 'contributo spedizione', 'prezzo della spedizione', 'spese di invio', 'costo di invio', 'costo invio', 'spedizione a pagamento', 'spedizione inclusa', 'spedizione compresa', 'consegna inclusa', 'spese di trasporto', 'costo del trasporto', 'spedizione standard', 'tariffa unica', 'quanto pago di spedizione', 'quanto costa spedire', 'quanto costa la spedizione', 'quanto costa la consegna', 'prezzo di spedizione', 'spedizione cara', 'spese di spedizione alte', 'si paga la spedizione', 'pagare la spedizione', 'shipping cost'],
  },
  {
    id: 'free',
    en: ['free', 'for free', 'free of charge', 'no charge', 'at no cost', 'complimentary', 'no extra cost', 'without charge'],
    it: ['gratis', 'gratuito', 'gratuita', 'gratuiti', 'gratuite', 'gratuitamente', 'senza costi', 'senza spese', 'a costo zero', 'senza costi aggiuntivi'],
  },
  {
    id: 'free-shipping',
    en: ['free shipping', 'free delivery', 'free postage', 'ship for free', 'free shipping threshold', 'qualify for free', 'threshold', 'free shipping over', 'free delivery over', 'how much to spend', 'spend to get free', 'amount for free shipping', 'minimum for free', 'delivery free', 'shipping free', 'postage free', 'free uk delivery', 'free standard delivery', 'free shipping code', 'qualify for free delivery'],
    it: ['spedizione gratuita', 'spedizione gratis', 'spedizioni gratuite', 'consegna gratuita', 'consegna gratis', 'spese di spedizione gratuite', 'spedizione omaggio', 'soglia', 'soglia minima', 'spedizione gratuita sopra', 'soglia spedizione gratuita', 'quanto devo spendere', 'spendere almeno', 'spesa minima spedizione', 'spedizione free', 'free shipping', 'spedizione gratis sopra', 'spedizione offerta', 'consegna gratuita sopra', 'spedizione gratuita oltre', 'spedizione gratuita da', 'senza spese di spedizione', 'gratis la spedizione'],
  },
  {
    id: 'minimum-order',
    en: ['minimum order', 'minimum purchase', 'minimum amount', 'minimum spend', 'minimum order value', 'minimum basket'],
    it: ['ordine minimo', 'importo minimo', 'spesa minima', 'acquisto minimo', "minimo d'ordine", 'minimo di acquisto'],
  },
  {
    id: 'dispatch',
    en: ['dispatch', 'dispatched', 'dispatching', 'processing time', 'handling time', 'leave the warehouse', 'goes out', 'ships out', 'shipped out', 'prepare my order', 'shipping confirmation', 'dispatch email', 'shipped email', 'warehouse', 'not dispatched yet', 'not shipped yet', 'still not shipped', 'not been shipped', 'not been sent', 'ready to ship', 'ships within', 'dispatch time', 'dispatch times', 'same day dispatch', 'same-day dispatch', 'dispatch date', 'handling days', 'when do you ship', 'when will you ship', 'when will it ship', 'when is it dispatched', 'has it been dispatched', 'sent out', 'been sent out', 'gone out', 'left your warehouse'],
    it: ['evasione', 'evaso', 'evadere', 'evadete', 'preparazione', 'preparazione ordine', 'elaborazione', 'affidato al corriere', 'parte il pacco', 'esce dal magazzino', 'conferma di spedizione', 'email di spedizione', 'avviso di spedizione', 'non è ancora partito', 'quando spedite', 'quando viene spedito', 'quando verrà spedito', 'quando lo spedite', 'quando partirà', 'pronto per la spedizione', 'tempi di evasione', 'tempi di preparazione', 'uscito dal magazzino', 'lasciato il magazzino', 'spedito in giornata', 'spedito lo stesso giorno', 'è stato spedito', 'ordine spedito', 'ordine evaso', 'partito il pacco', 'pacco partito', 'ordine partito'],
  },
  {
    id: 'delivery-time',
    en: ['delivery time', 'delivery times', 'shipping time', 'shipping times', 'transit time', 'lead time', 'working days', 'business days', 'arrive', 'arrives', 'arrival', 'eta', 'estimated delivery', 'delivery date', 'expected delivery', 'how long to arrive', 'how long for delivery', 'when will it arrive', 'when will it come', 'when does it arrive', 'arrive by', 'arrive in time', 'delivery estimate', 'estimated arrival', 'shipping estimate', 'usual delivery time', 'days to deliver', 'days for delivery', 'delivery days', 'delivery timeframe', 'delivery time frame', 'how long delivery takes', 'how long shipping takes', 'when does it come', 'turn up', 'turns up', 'how long until delivery'],
    it: ['tempi di consegna', 'tempo di consegna', 'tempi di spedizione', 'tempi di arrivo', 'giorni lavorativi', 'giorni feriali', 'arrivare', 'arriva', 'arrivano', 'arrivo', 'consegna prevista', 'data di consegna', 'data di arrivo', 'arrivo previsto', 'quando arriva', 'quando arriverà', 'quando mi arriva', 'quando arriva il pacco', "quando arriva l'ordine", 'in quanti giorni arriva', 'tempi di attesa', 'ci mette ad arrivare', 'ci vuole ad arrivare', 'consegna stimata', 'data stimata', 'arriverà', 'arriva in tempo', 'ricevere entro', 'entro quando arriva', 'quando consegnate', 'tempi di recapito', 'tempi di spedizione standard', 'quanti giorni di consegna', 'quando me lo portate', 'quanto ci metterà'],
  },
  {
    id: 'express-delivery',
    en: ['express', 'express delivery', 'express shipping', 'next day', 'next-day delivery', 'same day', 'same-day delivery', 'fast delivery', 'faster delivery', 'quick delivery', 'priority shipping', 'expedited', 'overnight', 'urgent', 'asap', '24 hour delivery', 'fast shipping', 'quick shipping', 'quicker delivery', 'faster shipping', 'rush', 'rush order', 'rush delivery', 'in a hurry', 'urgently', 'premium delivery', 'guaranteed delivery', 'next working day', 'nominated day', 'express option', 'speed up', 'speed up delivery', 'deliver faster', 'arrive sooner', 'get it sooner', 'need it urgently', 'tomorrow delivery', 'deliver tomorrow', 'arrive tomorrow'],
    it: ['spedizione express', 'espressa', 'express', 'consegna rapida', 'consegna veloce', 'spedizione veloce', 'spedizione rapida', 'corriere espresso', 'giorno dopo', 'consegna in 24 ore', 'entro domani', 'urgente', 'urgenza', 'prioritaria', 'spedizione prioritaria', 'consegna in giornata', 'spedizione in giornata', 'mi serve subito', 'mi serve urgentemente', 'urgentemente', 'consegna urgente', 'spedizione urgente', 'consegna express', 'consegna espressa', 'spedizione espressa', 'consegna prioritaria', 'ho fretta', 'di fretta', 'più velocemente', 'accelerare la spedizione', 'velocizzare', 'velocizzare la consegna', 'consegna 24h', 'consegna il giorno dopo', 'arriva domani', 'arrivare domani', 'consegna domani', 'mi serve per domani', 'spedizione rapida express', 'express delivery'],
  },
  {
    id: 'cut-off',
    en: ['cut-off time', 'cutoff', 'cut off', 'last order time', 'orders placed before', 'orders placed after', 'dispatch cut-off', 'last dispatch', 'cutoff time', 'order deadline', 'latest order time', 'order before noon', 'cut off time'],
    it: ['orario limite', 'ordini entro', 'ordini ricevuti entro', 'ordini effettuati entro', 'ordinando entro', 'entro le ore', 'orario di cut-off', 'cut-off', 'ordinare entro', 'ordina entro', 'ultimo orario', 'ordini dopo le'],
  },
  {
    id: 'international-shipping',
    en: ['international', 'international shipping', 'international delivery', 'ship internationally', 'abroad', 'overseas', 'worldwide', 'foreign', 'other countries', 'countries', 'country', 'outside the uk', 'outside italy', 'outside the eu', 'europe', 'european', 'eu', 'uk', 'usa', 'united states', 'america', 'canada', 'australia', 'switzerland', 'germany', 'france', 'spain', 'ireland', 'norway', 'ship outside', 'outside europe', 'non-eu', 'non eu', 'rest of the world', 'worldwide shipping', 'global shipping', 'ship overseas', 'send abroad', 'deliver abroad', 'ship abroad', 'from abroad', 'my country', 'netherlands', 'holland', 'belgium', 'austria', 'portugal', 'sweden', 'denmark', 'poland', 'greece', 'japan', 'china', 'new zealand', 'mexico', 'brazil', 'india', 'singapore', 'hong kong', 'uae', 'dubai', 'israel', 'south africa', 'finland', 'czech republic', 'hungary', 'romania', 'croatia', 'slovenia', 'luxembourg', 'malta', 'monaco', 'liechtenstein', 'iceland', 'san marino', 'vatican', 'italy delivery', 'deliver to italy', 'ship to italy'],
    it: ['spedizione internazionale', 'spedizioni internazionali', 'internazionale', 'estero', "all'estero", 'fuori italia', 'altri paesi', 'paesi', 'paese', 'nazioni', 'europa', 'europei', 'ue', 'unione europea', 'in tutto il mondo', "fuori dall'europa", 'svizzera', 'germania', 'francia', 'spagna', 'regno unito', 'inghilterra', 'stati uniti', 'austria', 'belgio', 'san marino', 'paesi esteri', 'extra ue', 'extra-ue', 'fuori ue', 'paesi ue', 'resto del mondo', "spedite all'estero", "spedire all'estero", "consegna all'estero", 'spedizione estero', 'olanda', 'paesi bassi', 'portogallo', 'grecia', 'polonia', 'svezia', 'danimarca', 'irlanda', 'norvegia', 'giappone', 'cina', 'canada', 'australia', 'brasile', 'argentina', 'usa', 'america', 'croazia', 'slovenia', 'lussemburgo', 'malta', 'principato di monaco', 'vaticano', 'ungheria', 'repubblica ceca', 'finlandia', 'islanda', 'uk', 'gran bretagna', 'il mio paese', 'shipping internazionale'],
  },
  {
    id: 'customs-duties',
    en: ['customs', 'customs fees', 'customs charges', 'customs clearance', 'duties', 'duty', 'import duty', 'import duties', 'import tax', 'import taxes', 'import fees', 'tariffs', 'brexit', 'ddp', 'duties paid', 'import charges', 'duty free', 'pay customs', 'vat on import', 'import vat', 'held at customs', 'stuck in customs', 'stuck at customs', 'customs declaration', 'commercial invoice', 'ioss', 'duties and taxes', 'customs fee', 'customs charge', 'customs paperwork'],
    it: ['dogana', 'dogane', 'doganale', 'doganali', 'spese doganali', 'dazi', 'dazio', 'dazi doganali', 'oneri doganali', 'tasse di importazione', 'tasse doganali', 'sdoganamento', 'diritti doganali', 'bloccato in dogana', 'fermo in dogana', 'pagare la dogana', 'iva di importazione', "iva all'importazione", 'dichiarazione doganale', 'spese di sdoganamento', 'costi di dogana', 'costi doganali', 'tasse di dogana', 'ioss', 'dazi e tasse', 'pratiche doganali', 'in dogana'],
  },
  {
    id: 'remote-areas',
    en: ['remote areas', 'remote area', 'islands', 'island', 'highlands', 'scottish highlands', 'northern ireland', 'channel islands', 'isle of man', 'surcharge', 'rural', 'scottish islands', 'isle of wight', 'isles of scilly', 'orkney', 'shetland', 'hawaii', 'alaska', 'canary islands', 'canaries', 'corsica', 'sardinia', 'sicily', 'out of area', 'surcharges', 'remote location', 'offshore', 'highlands and islands'],
    it: ['isole', 'isole minori', 'sardegna', 'sicilia', 'calabria', 'zone disagiate', 'località disagiate', 'zone remote', 'venezia', 'livigno', 'supplemento', "isola d'elba", 'elba', 'capri', 'ischia', 'lampedusa', 'canarie', 'corsica', 'località remote', 'comuni montani', 'laguna', "campione d'italia", 'isole del golfo', 'zona disagiata', 'località montane'],
  },
  {
    id: 'delivery-area',
    en: ['postcode', 'post code', 'postal code', 'zip code', 'zip', 'my area', 'delivery area', 'local delivery', 'deliver locally', 'catchment', 'my town', 'my city', 'my village', 'my postcode', 'local area', 'delivery zone', 'delivery zones', 'areas you cover', 'coverage'],
    it: ['codice postale', 'zona', 'la mia zona', 'area di consegna', 'zona di consegna', 'consegna locale', 'comune', 'città', 'frazione', 'provincia', 'tutta italia', 'in tutta italia', 'zone servite', 'zone coperte', 'il mio comune', 'la mia città', 'consegnate nella mia zona'],
  },
  {
    id: 'tracking',
    en: ['track', 'tracking', 'tracked', 'tracking number', 'tracking code', 'tracking link', 'tracking info', 'track my order', 'track my parcel', 'follow my parcel', 'follow my order', 'where is my parcel', "where's my parcel", 'where is my package', "where's my package", 'track and trace', 'in transit', 'tracking page', 'tracking not updating', 'stuck in transit', "where's my stuff", 'where is my stuff', 'where is my delivery', "where's my delivery", 'where is my purchase', 'where is my shipment', 'wheres my parcel', 'wheres my package', 'track my package', 'track my delivery', 'track my shipment', 'track it', 'track the parcel', 'track the order', 'out for delivery', 'shipping status', 'delivery status', 'parcel status', 'package status', 'tracking update', 'no tracking', 'no tracking info', 'tracking not working', 'tracking says', 'tracking has not updated', 'tracking link not working', 'tracking details', 'tracking email', 'follow the parcel', 'trace my parcel', 'trace the parcel'],
    it: ['tracking', 'tracciare', 'tracciamento', 'tracciabile', 'tracciabilità', 'numero di tracking', 'codice di tracking', 'codice di tracciamento', 'numero di tracciamento', 'link di tracciamento', 'seguire la spedizione', 'seguire il pacco', "seguire l'ordine", 'monitorare la spedizione', "dov'è il pacco", 'dove trova il pacco', 'dove trova la spedizione', 'in transito', 'pagina di tracking', 'tracking non aggiornato', 'tracking fermo', 'che fine ha fatto', "dov'è finito il pacco", "dov'è il mio pacco", "dov'è la mia spedizione", 'numero di spedizione', 'codice di spedizione', 'ldv', 'tracciare il pacco', "tracciare l'ordine", 'traccia', 'tracking number', 'link di tracking', 'seguire il mio pacco', 'stato della spedizione', 'stato spedizione', 'stato del pacco', 'tracking non funziona', 'tracking non si aggiorna'],
  },
  {
    id: 'order-status',
    en: ['order status', 'status of my order', 'where is my order', "where's my order", 'wismo', 'order update', 'order progress', 'order on hold', 'order pending', 'processing', 'status update', 'check my order', 'check order status', 'order still processing', 'still processing', 'stuck on processing', 'order stuck', 'wheres my order', 'news on my order'],
    it: ["stato dell'ordine", 'stato ordine', 'stato del mio ordine', "dov'è il mio ordine", "aggiornamenti sull'ordine", 'ordine in lavorazione', 'ordine in sospeso', 'situazione ordine', 'novità sul mio ordine', 'notizie del mio ordine', 'aggiornamenti ordine', 'aggiornamento sul mio ordine', 'verificare lo stato', "controllare l'ordine", "controllare lo stato dell'ordine", 'ordine bloccato', 'ordine fermo', 'situazione del mio ordine'],
  },
  {
    id: 'late-delivery',
    en: ['late', 'delayed', 'delay', 'delays', 'not arrived', "hasn't arrived", 'has not arrived', 'still not arrived', 'not received', "haven't received", 'never arrived', 'never received', 'still waiting', 'overdue', 'taking too long', 'running late', "hasn't come", 'has not come', "hasn't turned up", 'never turned up', 'not turned up', 'nothing arrived', 'nothing has arrived', 'supposed to arrive', 'was supposed to arrive', 'late parcel', 'late order', 'delayed order', 'delayed parcel', 'waiting for weeks', 'waiting for ages', 'been waiting', 'taking ages', 'takes forever', 'days late', 'not delivered yet', 'not delivered', 'still not received', "haven't got it", 'missed the delivery date', 'past the delivery date', 'late delivery', 'delivery delayed'],
    it: ['ritardo', 'ritardi', 'in ritardo', 'ritardata', 'non è arrivato', 'non arrivato', 'non è ancora arrivato', 'mai arrivato', 'non ho ricevuto', 'non ricevuto', 'ancora in attesa', 'aspetto ancora', 'sto ancora aspettando', 'non arriva', 'troppo tempo', 'non è ancora arrivata', 'non ho ancora ricevuto', 'non mi è arrivato', 'non è mai arrivato', 'aspetto da giorni', 'aspetto da settimane', 'sono settimane che aspetto', 'ordine in ritardo', 'pacco in ritardo', 'spedizione in ritardo', 'ritardo nella consegna', 'ritardo di consegna', 'ci mette troppo', 'ci sta mettendo troppo', 'nessuna consegna', 'ancora non arriva', 'consegna in ritardo', 'pacco mai ricevuto', 'mai ricevuto'],
  },
  {
    id: 'lost-parcel',
    en: ['lost', 'lost parcel', 'lost package', 'delivered elsewhere', 'missing parcel', 'missing package', 'stolen', 'stolen parcel', 'marked as delivered', 'says delivered', 'shows delivered', 'delivered to wrong address', 'went missing', 'package stolen', 'porch pirate', 'says delivered but', 'delivered but not received', 'delivered but missing', 'not at my door', "wasn't delivered to me", 'delivered to the wrong', 'wrong house', 'wrong door', 'lost in the post', 'lost in transit', 'parcel lost', 'package lost', 'parcel stolen', 'disappeared', 'vanished', 'shows as delivered', 'marked delivered', 'claims delivered'],
    it: ['smarrito', 'smarrita', 'perso', 'persa', 'pacco perso', 'pacco smarrito', 'rubato', 'pacco rubato', 'consegnato altrove', 'risulta consegnato', 'segna consegnato', 'andato perso', 'consegnato ma non ricevuto', 'risulta consegnato ma', 'dice consegnato', 'segnato come consegnato', 'risulta recapitato', 'pacco sparito', 'sparito', 'scomparso', 'perso dal corriere', 'smarrimento', 'furto', 'consegnato indirizzo sbagliato', 'consegnato a un altro', 'pacco scomparso'],
  },
  {
    id: 'split-shipment',
    en: ['split delivery', 'partial delivery', 'partial shipment', 'multiple parcels', 'separate parcels', 'separate packages', 'arrived separately', 'more than one parcel', 'two parcels', 'shipped separately', 'only one parcel arrived', 'second parcel', 'other parcel', 'rest of my order', 'remaining items', 'arrived in two parcels', 'different parcels', 'came in two boxes'],
    it: ['spedizione parziale', 'consegna parziale', 'pacchi separati', 'spedizioni separate', 'arrivato separatamente', 'due pacchi', 'spediti separatamente', 'secondo pacco', 'altro pacco', "resto dell'ordine", 'arrivato solo un pacco', 'articoli rimanenti', 'arrivati separatamente', 'spedizioni diverse'],
  },
  {
    id: 'combine-orders',
    en: ['combine orders', 'combine my orders', 'merge orders', 'combine shipping', 'ship together', 'one shipment', 'single shipment', 'one parcel', 'send together', 'together in one', 'combine two orders', 'ship everything together'],
    it: ['unire ordini', 'unire gli ordini', 'accorpare', 'accorpare gli ordini', 'spedizione unica', 'unica spedizione', 'spedire insieme', 'spedire tutto insieme', 'un unico pacco', 'unico pacco', 'spedizione cumulativa', "unire all'ordine precedente", 'insieme al precedente'],
  },
  {
    id: 'parcel',
    en: ['parcel', 'parcels', 'package', 'packages', 'packet', 'box', 'boxes', 'consignment'],
    it: ['pacco', 'pacchi', 'pacchetto', 'collo', 'colli', 'scatola', 'scatole', 'plico', 'scatolone'],
  },
  {
    id: 'courier',
    en: ['courier', 'couriers', 'carrier', 'carriers', 'driver', 'delivery driver', 'delivery man', 'postman', 'royal mail', 'dhl', 'fedex', 'dpd', 'gls', 'evri', 'hermes', 'usps', 'tnt', 'parcelforce', 'which courier', 'yodel', 'amazon logistics', 'delivery company', 'shipping company', 'which carrier', 'delivery guy', 'postie', 'mailman', 'brt', 'sda', 'poste italiane', 'chronopost', 'colissimo', 'correos', 'ontrac', 'courier company'],
    it: ['corriere', 'corrieri', 'trasportatore', 'vettore', 'fattorino', 'postino', 'poste italiane', 'poste', 'brt', 'bartolini', 'sda', 'dhl', 'ups', 'gls', 'tnt', 'fedex', 'nexive', 'quale corriere', 'con quale corriere', 'corriere bartolini', 'dpd', 'poste delivery', 'il postino', 'ditta di trasporti', 'che corriere usate', 'quale corriere usate', 'courier'],
  },
  {
    id: 'parcel-locker',
    en: ['parcel locker', 'parcel lockers', 'locker', 'lockers', 'amazon locker', 'inpost', 'pickup point', 'pick-up point', 'collection point', 'parcel shop', 'post office', 'po box', 'drop-off point', 'collect from a locker', 'locker delivery', 'pick-up location', 'pickup location', 'post office collection', 'local shop collection', 'collectplus', 'collect plus', 'access point', 'servicepoint', 'parcel point', 'drop point', 'collection location', 'deliver to a locker', 'ship to a locker'],
    it: ['locker', 'punto di ritiro', 'punto ritiro', 'punti di ritiro', 'fermopoint', 'fermo point', 'fermo deposito', 'ufficio postale', 'casella postale', 'inpost', 'punto poste', 'ritiro in edicola', 'edicola', 'tabaccheria', 'ritiro al locker', 'consegna al locker', 'consegna in edicola', 'punto brt', 'brt fermopoint', 'punto di raccolta', 'punto inpost', 'armadietto', 'ritiro in tabaccheria', 'ritirare in posta', 'ritiro in posta', 'fermoposta', 'pickup point', 'pick up point', 'locker inpost', 'punto di consegna'],
  },
  {
    id: 'missed-delivery',
    en: ['missed delivery', 'missed my delivery', 'not at home', "wasn't home", 'nobody home', 'no one home', 'failed delivery', 'delivery attempt', 'redelivery', 'redeliver', 'reschedule delivery', 'card through the door', 'left a card', 'calling card', 'missed the courier', 'missed the driver', 'delivery notice', 'notice card', 'left a notice', 'held at depot', 'at the depot', 'depot', 'collect from depot', 'rearrange delivery', 'arrange redelivery', 'second delivery attempt', 'delivery failed', 'courier came', 'courier came when', 'nobody was home', 'no one was in', 'tried to deliver', 'attempted delivery'],
    it: ['mancata consegna', 'non ero a casa', 'non ero in casa', 'nessuno in casa', 'assente', 'tentativo di consegna', 'avviso di giacenza', 'giacenza', 'in giacenza', 'riprogrammare la consegna', 'nuova consegna', 'riconsegna', 'seconda consegna', 'avviso di passaggio', "non c'ero", 'ero fuori', 'ero al lavoro', 'passato il corriere', 'il corriere è passato', 'corriere passato', 'avviso di mancata consegna', 'mancato recapito', 'deposito del corriere', 'filiale del corriere', 'ritiro in filiale', 'ritirare in filiale', 'concordare la consegna', 'fissare la consegna', 'nessuno a casa', 'tentata consegna', 'riprogrammare'],
  },
  {
    id: 'delivery-slot',
    en: ['delivery slot', 'time slot', 'time slots', 'delivery window', 'choose a time', 'choose the day', 'choose delivery date', 'timed delivery', 'evening delivery', 'weekend delivery', 'saturday delivery', 'sunday delivery', 'specific day', 'specific time', 'delivery slots', 'book a slot', 'slot', 'slots', 'morning delivery', 'afternoon delivery', 'pick a delivery day', 'choose my delivery day', 'delivery appointment', 'arrange a delivery date'],
    it: ['fascia oraria', 'fasce orarie', 'orario di consegna', 'scegliere il giorno', "scegliere l'orario", 'giorno di consegna', 'consegna su appuntamento', 'consegna al sabato', 'consegna il sabato', 'consegna serale', 'giorno preciso', 'orario preciso', 'data precisa', 'fascia oraria di consegna', 'consegna al mattino', 'consegna mattutina', 'consegna pomeridiana', 'consegna nel pomeriggio', 'appuntamento per la consegna', 'scegliere la data', 'data di consegna preferita', 'concordare il giorno'],
  },
  {
    id: 'signature',
    en: ['signature', 'sign on delivery', 'proof of delivery', 'leave with a neighbour', 'leave with neighbor', 'neighbour', 'neighbor', 'safe place', 'leave at the door', 'leave it outside', 'doorstep', 'concierge', 'leave at door', 'leave on the porch', 'porch', 'front door', 'letterbox', 'letter box', 'mailbox', 'reception', 'building reception', 'doorman', 'delivery instructions', 'delivery notes', 'note for the courier', 'instructions for the driver', 'leave with reception', 'signature required'],
    it: ['firma', 'firmare', 'consegna con firma', 'firma alla consegna', 'prova di consegna', 'vicino di casa', 'lasciarlo al vicino', 'lasciare al vicino', 'lasciare davanti alla porta', 'davanti alla porta', 'portineria', 'luogo sicuro', 'lasciare in portineria', 'portinaio', 'cassetta postale', 'buca delle lettere', 'lasciare fuori', 'lasciarlo fuori', 'lasciare sullo zerbino', 'istruzioni per il corriere', 'note per il corriere', 'note di consegna', 'citofono', 'campanello', 'vicina di casa', 'consegnare al vicino', 'serve la firma'],
  },
  {
    id: 'shipping-insurance',
    en: ['shipping insurance', 'insurance', 'insured', 'insure', 'insured shipping', 'parcel insurance', 'parcel protection', 'package protection', 'shipping protection', 'insure my parcel', 'insure the parcel'],
    it: ['assicurazione', 'assicurata', 'assicurato', 'spedizione assicurata', 'assicurare il pacco', 'copertura assicurativa', 'protezione spedizione', 'assicurare la spedizione', 'spedizione protetta', 'assicurazione sul pacco'],
  },
  {
    id: 'refuse-delivery',
    en: ['refuse delivery', 'refuse the parcel', 'refuse the package', 'reject delivery', 'return to sender', 'refused delivery', 'not accept delivery', "don't accept the parcel", 'refuse the delivery', 'reject the parcel', 'refuse it', 'refuse to accept', 'send it back unopened'],
    it: ['rifiutare il pacco', 'rifiutare la consegna', 'respingere il pacco', 'rifiutato alla consegna', 'ritorno al mittente', 'rimandato al mittente', 'non accettare il pacco', 'respingere la consegna', 'non ritirare il pacco', 'non accettare la consegna', 'rifiutare la spedizione', 'respingerlo'],
  },
  {
    id: 'large-item-delivery',
    en: ['large items', 'bulky items', 'large item', 'bulky', 'two-man delivery', 'two man delivery', 'room of choice', 'kerbside', 'curbside', 'upstairs', 'stairs', 'which floor', 'white glove', 'no lift', 'elevator', 'doorway', 'remove the packaging', 'delivery to the floor', 'carry upstairs', 'bring it upstairs', 'to the door only', 'front door delivery', 'ground floor', 'third floor', 'floor delivery', 'threshold delivery', 'two person delivery', 'narrow staircase', 'furniture delivery', 'sofa delivery', 'mattress delivery', 'appliance delivery', 'packaging removal', 'take the packaging away', 'flight of stairs', 'no elevator', 'treadmill delivery', 'gym equipment delivery', 'heavy items', 'heavy item', 'pallet delivery', 'pallet'],
    it: ['ingombrante', 'ingombranti', 'articoli ingombranti', 'consegna al piano', 'consegna al portone', 'bordo strada', 'al piano terra', 'scale', 'ascensore', 'senza ascensore', 'portone', 'consegna in stanza', 'consegna con due operatori', 'rimozione imballaggi', 'portare al piano', 'fino al piano', 'consegna a piano terra', 'piano terra', 'secondo piano', 'terzo piano', 'quarto piano', 'consegna nella stanza', 'stanza di scelta', 'portare in casa', 'dentro casa', 'scale strette', 'consegna mobili', 'consegna divano', 'consegna materasso', 'consegna elettrodomestici', 'smaltimento imballaggi', 'disimballaggio', 'ritiro imballaggi', 'due operatori', 'rampa di scale', 'piano alto', 'consegna su bancale', 'bancale', 'pedana', 'articoli pesanti', 'consegna tapis roulant'],
  },
  {
    id: 'shipping-restrictions',
    en: ['restricted items', 'shipping restrictions', 'cannot ship', 'hazardous', 'dangerous goods', 'lithium batteries', 'aerosols', 'perfume shipping'],
    it: ['non spedibile', 'non spedibili', 'merce pericolosa', 'merci pericolose', 'restrizioni di spedizione', 'batterie al litio', 'aerosol', 'limitazioni di spedizione'],
  },

  // ---------------------------------------------------------------- the order
  {
    id: 'place-order',
    en: ['place an order', 'placing an order', 'how to order', 'order online', 'order by phone', 'phone order', 'make a purchase', 'complete my purchase', 'order form', 'how to buy', 'order over the phone', 'email order', 'order in store', 'buy online', 'buy over the phone', 'purchase online', 'order on whatsapp', 'how to purchase'],
    it: ['effettuare un ordine', 'come ordinare', 'ordinare online', 'ordinare per telefono', 'ordine telefonico', "completare l'acquisto", "effettuare l'acquisto", 'come si ordina', 'come acquistare', 'come comprare', 'ordinare via email', 'ordinare per email', 'ordinare al telefono', 'ordine via whatsapp', 'acquistare online', 'comprare online', 'procedura di acquisto', "procedura d'ordine"],
  },
  {
    id: 'order-number',
    en: ['order number', 'order no', 'order ref', 'order reference', 'reference number', 'order code', 'confirmation number', 'find my order number', 'lost my order number', 'order reference number'],
    it: ["numero d'ordine", 'numero ordine', "numero dell'ordine", 'codice ordine', "codice dell'ordine", 'riferimento ordine', 'id ordine', 'numero di riferimento', "numero d'ordine perso", 'trovare il numero ordine', 'codice della spedizione ordine', 'numero della prenotazione'],
  },
  {
    id: 'order-confirmation',
    en: ['order confirmation', 'confirmation', 'confirmation email', 'confirm', 'confirmed', 'order email', 'no confirmation', 'order went through', 'order successful', 'order received', 'confirmation not received', 'no confirmation email', "didn't get a confirmation", 'never got a confirmation', 'order acknowledgement', 'order gone through'],
    it: ["conferma d'ordine", "conferma dell'ordine", 'conferma ordine', 'conferma', 'email di conferma', 'mail di conferma', 'confermato', 'confermare', 'nessuna conferma', 'a buon fine', 'conferma non arrivata', 'conferma non ricevuta', 'nessuna mail di conferma', 'ordine confermato', 'ordine registrato', 'riepilogo ordine', "riepilogo dell'ordine", 'ordine a buon fine'],
  },
  {
    id: 'modify-order',
    en: ['change my order', 'change order', 'modify', 'modify order', 'edit order', 'edit my order', 'amend', 'amend order', 'alter my order', 'update my order', 'add to my order', 'add an item', 'remove an item', 'remove from order', 'change quantity', 'make a change', 'made a mistake', 'mistake in my order', 'wrong house number', 'add something', 'add more', 'add another item', 'forgot to add', 'forgot something', 'forgot to include', 'change an item', 'correct my order', 'fix my order', 'change my order details'],
    it: ["modificare l'ordine", 'modificare', 'modifica', 'modifica ordine', "cambiare l'ordine", 'cambiare ordine', 'aggiungere un articolo', "aggiungere all'ordine", 'aggiungere', 'togliere un articolo', 'togliere', 'rimuovere un articolo', 'cambiare quantità', 'variazione ordine', 'ho dimenticato di aggiungere', 'dimenticato un articolo', 'ho sbagliato a ordinare', "errore nell'ordine", "correggere l'ordine", 'correggere', 'aggiungere qualcosa', 'aggiungere un prodotto', 'togliere un prodotto', 'ho fatto un errore', 'modificarlo', 'modificarla', 'variazione', "modifiche all'ordine", 'cambiare la taglia ordinata'],
  },
  {
    id: 'cancel-order',
    en: ['cancel', 'cancels', 'cancelling', 'canceling', 'cancellation', 'cancelled', 'canceled', 'cancel my order', 'call off', "don't want it anymore", 'no longer want', 'stop my order', 'stop the order', 'cancel it', 'cancel the order', 'cancel order', 'cancellation request', 'cancel before shipping', 'ordered by mistake', 'ordered twice', 'duplicate order', 'accidentally ordered', 'placed the order twice', 'withdraw my order', 'undo my order', 'undo order', 'stop the delivery', 'cancel an order'],
    it: ['annullare', 'annullamento', 'annullato', 'annullata', "annullare l'ordine", 'cancellare', 'cancellazione', "cancellare l'ordine", 'disdire', 'disdetta', 'revocare', 'non lo voglio più', "bloccare l'ordine", "fermare l'ordine", 'annullarlo', 'annullarla', 'annullatelo', 'annullate', 'annullo', 'cancellatelo', 'ordinato per sbaglio', 'ordine doppio', 'ordinato due volte', 'ordine duplicato', 'disdico', 'annullare un ordine', 'bloccare la spedizione', "annullamento dell'ordine", "cancellazione dell'ordine"],
  },
  {
    id: 'delivery-address',
    en: ['address', 'addresses', 'delivery address', 'shipping address', 'change address', 'change my address', 'change the address', 'wrong address', 'update address', 'new address', 'different address', 'moved house', 'typo in address', 'work address', 'send to another address', 'ship to another address', 'deliver to another address', 'deliver to my office', 'deliver to work', 'deliver to my work', 'deliver to a friend', 'different delivery address', 'house number', 'flat number', 'apartment number', 'wrong postcode', 'redirect', 'redirect my parcel', 'reroute', 'forwarding address', 'office address', 'ship to my workplace'],
    it: ['indirizzo', 'indirizzi', 'indirizzo di consegna', 'indirizzo di spedizione', 'cambiare indirizzo', 'cambio indirizzo', "modificare l'indirizzo", 'indirizzo sbagliato', 'indirizzo errato', 'nuovo indirizzo', 'indirizzo diverso', 'ho traslocato', 'trasloco', 'indirizzo di lavoro', "indirizzo dell'ufficio", 'altro indirizzo', 'indirizzo del lavoro', 'consegna in ufficio', 'consegna al lavoro', 'numero civico', 'civico sbagliato', 'cap sbagliato', 'reindirizzare', 'dirottare il pacco', 'cambiare destinazione', 'spedire a un amico', 'spedire in ufficio', 'indirizzo incompleto', 'via sbagliata', 'destinatario diverso'],
  },
  {
    id: 'order-history',
    en: ['order history', 'past orders', 'previous orders', 'old orders', 'reorder', 'order again', 'buy again', 'purchase history', 'previous purchases', 'past purchases', 'order details', 'find an old order', 'see my orders', 'view my orders', 'list of my orders'],
    it: ['storico ordini', 'storico degli ordini', 'ordini precedenti', 'ordini passati', 'riordinare', 'ordinare di nuovo', "rifare l'ordine", 'cronologia ordini', 'acquisti precedenti', 'acquisti passati', 'riacquistare', 'ricomprare', 'comprare di nuovo', 'dettagli ordine', "dettagli dell'ordine", 'vedere i miei ordini', 'elenco ordini'],
  },
  {
    id: 'subscription',
    en: ['subscription', 'subscriptions', 'subscribe and save', 'recurring order', 'repeat delivery', 'regular delivery', 'pause my subscription', 'skip a delivery', 'auto-replenish', 'cancel my subscription', 'cancel subscription', 'pause subscription', 'skip a month', 'change frequency', 'delivery frequency', 'subscription box', 'monthly box', 'monthly subscription', 'auto renew', 'auto-renewal', 'recurring payment', 'recurring charge', 'stop my subscription', 'end my subscription', 'subscription plan', 'membership fee'],
    it: ['abbonamento', 'abbonamenti', 'abbonarsi', 'abbonarmi', 'ordine ricorrente', 'consegna periodica', 'consegne periodiche', "sospendere l'abbonamento", 'saltare una consegna', "disdire l'abbonamento", "annullare l'abbonamento", "cancellare l'abbonamento", 'mettere in pausa', 'pausa abbonamento', 'saltare un mese', 'cambiare frequenza', 'frequenza di consegna', 'box mensile', 'abbonamento mensile', 'rinnovo automatico', 'rinnovo', 'pagamento ricorrente', 'addebito ricorrente', 'addebito mensile', 'subscription', 'disdetta abbonamento'],
  },
  {
    id: 'cart-checkout',
    en: ['basket', 'cart', 'shopping cart', 'shopping bag', 'checkout', 'check out', 'add to basket', 'add to cart', 'empty basket', 'items in my basket', 'trolley', 'my basket', 'items in my cart', 'basket emptied', 'cart empty', 'cart not updating', "can't checkout", 'checkout not working', 'stuck at checkout', 'add to bag', 'shopping basket', 'proceed to checkout', 'abandoned cart', 'saved basket', 'basket disappeared', 'items disappeared from basket'],
    it: ['carrello', 'cassa', 'checkout', 'procedere al pagamento', 'aggiungere al carrello', 'carrello vuoto', 'svuotato il carrello', 'pagina di pagamento', 'concludere il pagamento', 'carrello si svuota', "concludere l'ordine", "finalizzare l'ordine", "completare l'ordine", 'carrello non funziona', 'prodotti nel carrello', 'cassa non funziona', 'carrello sparito', 'check-out', 'check out'],
  },
  {
    id: 'quantity-limit',
    en: ['maximum quantity', 'quantity limit', 'limit per customer', 'limit per order', 'how many per customer', 'maximum per order', 'buy more than'],
    it: ['quantità massima', 'limite di acquisto', 'limite di quantità', 'massimo per cliente', 'massimo per ordine', 'limite per ordine'],
  },

  // ---------------------------------------------------------------- returns, exchanges, refunds
  {
    id: 'return',
    en: ['return', 'returns', 'returned', 'returning', 'send back', 'send it back', 'sent back', 'send them back', 'give back', 'take back', 'return policy', 'returns policy', 'make a return', 'start a return', 'changed my mind', 'right of withdrawal', 'withdrawal', 'bring it back', 'bring back', 'return an item', 'return items', 'ship it back', 'post it back', 'mail it back', 'send this back', 'sending back', 'how to return', 'returns portal', 'return request', 'return authorisation', 'return authorization', 'rma', 'drop off a return', 'returns address', 'return address', "don't like it", "didn't like it", 'unwanted item', 'unwanted gift', 'cooling off period', 'cooling-off period', 'returning an item', 'return my order', 'return the parcel', 'return it'],
    it: ['reso', 'resi', 'restituire', 'restituito', 'restituzione', 'rendere', 'rendo', 'rimandare indietro', 'rispedire', 'rispedirlo', 'mandare indietro', 'politica di reso', 'politica dei resi', 'fare un reso', 'effettuare un reso', 'ripensamento', 'diritto di recesso', 'recesso', 'restituirlo', 'rimandarlo', 'renderlo', 'mandarlo indietro', 'restituire un articolo', 'rimandarvelo', 'rimandarvi', 'rimandarlo indietro', 'rispedirvelo', 'restituirvelo', 'renderlo indietro', 'ridarvelo', 'riportarlo', 'fare il reso', 'reso merce', 'richiesta di reso', 'autorizzazione al reso', 'avviare un reso', 'aprire un reso', 'non mi piace', 'non mi convince', 'non fa per me', 'ci ho ripensato', 'ho cambiato idea', 'indirizzo per il reso', 'indirizzo di reso', 'recedere', 'recesso dal contratto', 'portale resi', 'restituirla', 'rimandarla', 'renderla', 'rimandare il pacco', 'fare un reso online', 'lo posso rendere', 'posso renderlo', 'lo rimando indietro', 'rimandarvi il pacco'],
  },
  {
    id: 'return-deadline',
    en: ['return period', 'return window', 'returns window', 'days to return', 'deadline', 'time limit', 'too late to return', 'how long to return', 'return deadline', 'within days', 'days to send back', 'last day to return', 'missed the return window', 'outside the return window', 'extended returns', 'christmas returns', 'extended return period'],
    it: ['termine', 'termini', 'termine per il reso', 'scadenza del reso', 'tempo per il reso', 'giorni per il reso', 'periodo di reso', 'entro quanti giorni', 'tempo massimo', 'troppo tardi', 'fuori tempo', 'giorni per restituire', 'entro quanto', 'scaduto il termine', 'termine scaduto', 'resi natalizi', 'reso prolungato', 'periodo di recesso', 'termine di recesso', 'oltre i giorni', 'entro quanti giorni posso', 'tempo per restituire'],
  },
  {
    id: 'return-cost',
    en: ['free returns', 'free return', 'return shipping', 'return cost', 'return costs', 'return fee', 'returns fee', 'return postage', 'restocking fee', 'who pays for returns', 'pay for the return', 'pay to return', 'returns free', 'is returning free', 'return free', 'free return label', 'charge for returns', 'deducted from refund', 'return charge', 'return shipping fee', 'cost of returning', 'cost to return', 'cost to send back', 'who pays return postage', 'returns paid'],
    it: ['reso gratuito', 'resi gratuiti', 'reso gratis', 'costo del reso', 'costi del reso', 'spese di reso', 'spese del reso', 'spese di restituzione', 'chi paga il reso', 'reso a pagamento', 'costo di restituzione', 'reso a carico', 'a carico del cliente', 'pagare il reso', 'rimandarlo costa', 'costo per rimandare', 'trattenuto dal rimborso', 'detratto dal rimborso', 'spedizione di ritorno', 'spese di ritorno', 'reso pagato', 'quanto costa il reso', 'quanto costa rimandarlo', 'il reso si paga'],
  },
  {
    id: 'return-label',
    en: ['return label', 'returns label', 'label', 'labels', 'shipping label', 'prepaid label', 'print a label', 'qr code', 'without a printer', 'returns form', 'return form', 'print label', 'no printer', "don't have a printer", 'label not received', 'lost the label', 'need a label', 'return slip', 'returns slip', 'return note', 'rma number', 'return number', 'return code', 'label for the return'],
    it: ['etichetta', 'etichette', 'etichetta di reso', 'etichetta di spedizione', 'etichetta prepagata', "stampare l'etichetta", 'codice qr', 'senza stampante', 'modulo di reso', 'modulo di recesso', 'lettera di vettura', 'stampare etichetta', 'non ho la stampante', 'stampante', 'etichetta non arrivata', 'bolla', 'bolla di reso', 'documento di reso', 'codice di reso', 'numero di reso', 'modulo reso', 'etichetta per il reso'],
  },
  {
    id: 'return-pickup',
    en: ['return pickup', 'return collection', 'collect my return', 'book a collection', 'courier collection', 'collect from my home', 'pick up the return', 'pick up my return', 'collect from my address', 'courier pick up', 'arrange collection', 'arrange a pickup', 'schedule a pickup', 'book a pickup', 'collection from home'],
    it: ['ritiro a domicilio', 'ritiro del reso', 'prenotare il ritiro', 'ritiro gratuito', 'ritiro presso casa', 'venire a ritirare', 'ritiro a casa', 'ritiro presso il domicilio', 'venite a ritirare', 'corriere a ritirare', 'prenotare il corriere', 'organizzare il ritiro', 'fissare il ritiro'],
  },
  {
    id: 'return-in-store',
    en: ['return in store', 'return to a store', 'return to the shop', 'in-store return', 'return it in store', 'return at the shop', 'return to a branch'],
    it: ['reso in negozio', 'restituire in negozio', 'rendere in negozio', 'reso nel punto vendita', 'cambio in negozio', 'riportarlo in negozio', 'restituirlo in negozio', 'portarlo in negozio', 'reso presso il negozio', 'riportare in negozio'],
  },
  {
    id: 'return-condition',
    en: ['original packaging', 'original condition', 'tags attached', 'with tags', 'tags removed', 'labels removed', 'unworn', 'unused', 'worn', 'opened item', 'seal broken', 'sealed', 'hygiene', 'worn once', 'without tags', 'removed the tags', 'cut the tags', 'used once', 'box opened', 'no box', 'without the box', 'lost the box', 'threw away the box', 'unopened', 'hygiene seal', 'condition of returns'],
    it: ['confezione originale', 'imballo originale', 'imballaggio originale', 'cartellino', 'cartellini', 'con cartellino', 'senza cartellino', 'non usato', 'mai usato', 'indossato', 'mai indossato', 'sigillato', 'sigillo', 'igiene', 'motivi igienici', 'indossato una volta', 'usato una volta', 'senza etichetta', 'senza scatola', 'scatola aperta', 'confezione aperta', 'tolto il cartellino', 'cartellino tagliato', 'buttato la scatola', 'senza imballo', 'sigillo rotto', 'non sigillato', 'provato una volta', 'senza confezione'],
  },
  {
    id: 'non-returnable',
    en: ['non-returnable', 'non returnable', 'final sale', 'excluded from returns', 'cannot be returned', 'not returnable', 'no returns', 'cannot return', 'exempt from returns', 'underwear returns', 'earrings returns', 'personalised items returns', 'non refundable', 'non-refundable', 'not refundable', 'excluded items'],
    it: ['non restituibile', 'non restituibili', 'esclusi dal reso', 'escluso dal reso', 'non si possono restituire', 'non è possibile restituire', 'nessun reso', 'non rimborsabile', 'non posso restituire', 'articoli esclusi', 'non si accettano resi', 'non si può rendere', 'non rimborsabili', 'non reso'],
  },
  {
    id: 'exchange',
    en: ['exchange', 'exchanges', 'exchanged', 'swap', 'swapped', 'trade', 'switch', 'change size', 'change the size', 'change colour', 'change color', 'different size', 'another size', 'bigger size', 'smaller size', 'size up', 'size down', 'replace', 'replacement', 'different colour', 'different color', 'another colour', 'ordered the wrong size', "doesn't fit", 'does not fit', 'swap for', 'smaller one', 'bigger one', 'larger size', 'larger one', 'next size up', 'next size down', 'a size bigger', 'a size smaller', 'exchange for', 'size exchange', 'exchange policy', 'swap sizes', 'swap size', 'swap colour', 'swap colours', 'swap color', 'exchange size', 'exchange it', 'even exchange', 'straight swap', "didn't fit", "don't fit", 'change for a bigger', 'change for a smaller', 'change for another', 'swap it for', 'exchange it for', 'one size up', 'one size down', 'bigger size instead', 'smaller size instead', 'different model', 'another model'],
    it: ['cambio', 'cambi', 'cambiare', 'cambiarlo', 'cambiare taglia', 'cambio taglia', 'cambiare colore', 'cambio colore', 'sostituire', 'sostituzione', 'scambiare', 'scambio', 'taglia diversa', 'altra taglia', 'taglia più grande', 'taglia più piccola', 'cambio merce', 'ho sbagliato taglia', 'sbagliato taglia', 'troppo piccolo', 'troppo piccola', 'troppo grande', 'troppo stretto', 'non mi sta bene', 'fare un cambio', 'cambiarla', 'cambiarle', 'cambiarli', 'una taglia in meno', 'taglia superiore', 'taglia inferiore', 'numero più grande', 'numero più piccolo', 'cambio prodotto', 'sostituirlo', 'sostituirla', 'cambio articolo', 'scambiarlo', 'cambio misura', 'misura più grande', 'misura più piccola', 'cambiarlo con', 'altro modello', 'modello diverso', 'altro colore', 'colore diverso', 'cambio con un altro', 'cambio di taglia', 'cambiare numero'],
  },
  {
    id: 'refund',
    en: ['refund', 'refunds', 'refunded', 'refunding', 'money back', 'my money back', 'reimburse', 'reimbursement', 'reimbursed', 'credit back', 'credited back', 'store credit', 'credit note', 'original payment method', 'paid back', 'get my money back', 'money returned', 'refund me', 'refund policy', 'refund time', 'where is my refund', 'refund not received', 'no refund yet', 'still no refund', 'chargeback', 'back on my card', 'back in my account', 'refund status', 'full refund', 'partial refund', 'refund to my card', 'refund to paypal', 'when am i refunded'],
    it: ['rimborso', 'rimborsi', 'rimborsare', 'rimborsato', 'rimborsata', 'riavere i soldi', 'soldi indietro', 'restituzione dei soldi', 'restituzione del denaro', 'riaccredito', 'riaccreditato', 'accredito', 'storno', 'nota di credito', 'metodo di pagamento originale', 'stesso metodo di pagamento', 'ridare i soldi', 'ridarmi i soldi', 'ridate i soldi', 'rivolere i soldi', 'rivoglio i soldi', 'restituirmi i soldi', 'riavere indietro i soldi', 'soldi restituiti', 'rimborsarmi', 'rimborsatemi', 'rimborso non arrivato', 'ancora nessun rimborso', 'rimborso totale', 'rimborso parziale', 'quando mi rimborsate', 'riaccredito sulla carta', 'chargeback', 'riavrò i soldi', 'soldi sul conto', 'stato del rimborso', 'rimborso sulla carta', 'rimborso su paypal', 'refund', 'dove sono i soldi'],
  },
  {
    id: 'trial-period',
    en: ['trial period', 'try before you buy', 'home trial', 'try at home', 'risk free trial', 'money back guarantee', 'satisfaction guarantee', 'satisfaction guaranteed', 'night trial', 'test ride', 'try it at home', 'try on at home', 'try it out', 'day trial', 'free trial', 'test it at home'],
    it: ['periodo di prova', 'prova a casa', 'provare a casa', 'soddisfatti o rimborsati', 'prova gratuita', 'garanzia soddisfazione', 'notti di prova', 'prova su strada', 'provarlo a casa', 'provalo a casa', 'prova di giorni', 'provare prima di comprare', 'prova senza impegno'],
  },
  {
    id: 'return-status',
    en: ['return status', 'status of my return', 'received my return', 'return received', 'return processed', 'track my return', 'return not processed', 'return not received', 'return still not processed', 'return update'],
    it: ['stato del reso', 'reso ricevuto', 'ricevuto il reso', 'reso elaborato', 'tracciare il reso', 'reso non elaborato', 'esito del reso', 'avete ricevuto il reso', 'ricevuto il mio reso', 'reso non ricevuto', 'aggiornamenti sul reso', 'reso in elaborazione'],
  },

  // ---------------------------------------------------------------- problems with an item
  {
    id: 'damaged-item',
    en: ['damaged', 'damage', 'broken', 'arrived broken', 'arrived damaged', 'smashed', 'cracked', 'scratched', 'scratch', 'dented', 'crushed', 'leaking', 'leaked', 'torn', 'ripped', 'shattered', 'damaged in transit', 'arrived in pieces', 'bent', 'chipped', 'stained', 'dirty', 'squashed', 'dent', 'box damaged', 'box was damaged', 'broken on arrival', 'damaged packaging', 'not in good condition', 'bad condition', 'poor condition', 'spilled', 'spilt', 'water damage', 'wet', 'soaked', 'mouldy', 'moldy', 'spoiled', 'gone off', 'rotten', 'stale', 'glass broken', 'cracked screen', 'scuffed', 'came broken', 'came damaged', 'damaged box', 'parcel damaged'],
    it: ['danneggiato', 'danneggiata', 'danneggiati', 'danno', 'danni', 'rotto', 'rotta', 'arrivato rotto', 'arrivato danneggiato', 'ammaccato', 'graffiato', 'graffio', 'crepato', 'crepa', 'scheggiato', 'schiacciato', 'strappato', 'rovinato', 'perde', 'frantumato', 'arrivato in pezzi', 'ammaccatura', 'ammaccata', 'graffiata', 'scheggiata', 'sporco', 'sporca', 'rovinata', 'rovinati', 'pacco bagnato', 'pacco danneggiato', 'scatola rotta', 'scatola danneggiata', 'imballo danneggiato', 'rotto alla consegna', 'vetro rotto', 'ammuffito', 'muffa', 'andato a male', 'avariato', 'rancido', 'fuoriuscito', 'rovesciato', 'piegato', 'deformato', 'arrivata rotta', 'arrivato distrutto', 'distrutto', 'pacco rovinato'],
  },
  {
    id: 'defective-item',
    en: ['faulty', 'defective', 'defect', 'defects', 'fault', 'not working', "doesn't work", 'does not work', 'stopped working', "won't turn on", 'malfunction', 'malfunctioning', 'dead on arrival', 'broke down', 'poor quality', 'faded', 'pilling', 'came apart', 'quit working', "doesn't turn on", "won't switch on", "doesn't switch on", 'dead', 'broke', 'broke after', 'fell apart', 'falling apart', 'came off', 'zip broke', 'zip broken', 'seam', 'seams', 'hole', 'holes', 'loose thread', 'sole came off', 'peeling', 'bobbling', 'faulty item', 'manufacturing defect', 'factory defect', 'not working properly', 'intermittent', 'overheating', 'overheats', 'noise', 'noisy', 'rattling', 'flickering', 'dead pixel', 'dead pixels', 'works badly', 'stopped charging', 'not working anymore', 'defective product', 'faulty product'],
    it: ['difettoso', 'difettosa', 'difetto', 'difetti', 'non funziona', 'non funzionante', 'guasto', 'guasta', 'malfunzionamento', 'smesso di funzionare', 'non si accende', 'scolorito', 'sbiadito', 'scadente', 'qualità scadente', 'pallini', 'si è scucito', 'non va', 'non funziona più', 'non si accende più', 'si è guastato', 'guastato', 'rotto dopo', 'difetto di fabbrica', 'difetto di fabbricazione', 'difetto di produzione', 'si scuce', 'scucito', 'bucato', 'buco', 'si stacca', 'staccato', 'si è staccata', 'suola staccata', 'cerniera rotta', 'zip rotta', 'lampo rotta', 'si surriscalda', 'surriscaldamento', 'fa rumore', 'rumoroso', 'rumore', 'si spegne', 'si spegne da solo', 'smette di funzionare', 'funziona male', 'non funziona bene', 'pixel morti', 'sfilacciato', 'pelucchi', 'prodotto difettoso', 'articolo difettoso', 'si è rotto dopo'],
  },
  {
    id: 'wrong-item',
    en: ['wrong item', 'wrong items', 'wrong product', 'wrong size sent', 'wrong colour sent', 'not what i ordered', 'incorrect item', 'sent the wrong', 'different item', 'different product', 'mix up', 'mix-up', 'received the wrong', 'wrong order', 'wrong colour', 'wrong color', 'wrong model', 'wrong book', 'wrong flavour', 'wrong flavor', 'wrong one', 'got the wrong', "someone else's order", 'not my order', 'sent me the wrong', 'wrong thing', 'wrong size delivered', 'wrong colour delivered'],
    it: ['articolo sbagliato', 'prodotto sbagliato', 'sbagliato', 'sbagliata', 'errato', 'articolo errato', 'non è quello ordinato', 'diverso da quello ordinato', 'articolo diverso', 'prodotto diverso', 'taglia sbagliata', 'colore sbagliato', 'scambio di articoli', 'modello sbagliato', 'gusto sbagliato', 'libro sbagliato', 'misura sbagliata', 'avete sbagliato', "ordine di un'altra persona", 'arrivato un altro', 'arrivato il colore sbagliato', 'non corrisponde', "non corrisponde all'ordine", 'prodotto non corrispondente'],
  },
  {
    id: 'missing-item',
    en: ['missing', 'missing item', 'item missing', 'items missing', 'missing part', 'missing parts', 'incomplete order', 'incomplete', 'not in the box', 'not included', 'only received', 'only got', 'only got part', 'half my order', 'part of my order', 'missing from my order', 'missing from the box', 'something missing', 'not everything arrived', 'one item missing', 'missing pieces', 'missing screws', 'missing piece', "wasn't in the box"],
    it: ['mancante', 'mancanti', 'manca', 'mancano', 'articolo mancante', 'pezzo mancante', 'pezzi mancanti', 'ordine incompleto', 'incompleto', 'non era nel pacco', "non c'era", 'non incluso', 'manca un pezzo', 'manca qualcosa', 'mancava', 'mancavano', 'arrivato solo', 'ricevuto solo', "non c'era tutto", 'mancano le viti', 'viti mancanti', 'manca un articolo', 'manca una parte', 'ordine parziale', 'non ho ricevuto tutto'],
  },
  {
    id: 'in-the-box',
    en: ['included in the box', 'supplied with', 'accessories', 'accessory', 'box contents', 'batteries included', 'charger included', 'cable included', 'comes with batteries', 'included accessories', 'contents of the box'],
    it: ['in dotazione', 'accessori', 'accessorio', 'contenuto della confezione', 'incluso nella confezione', 'inclusi nella confezione', 'pile incluse', 'batterie incluse', 'caricatore incluso', 'cavo incluso', 'dotazione', 'contenuto della scatola', 'cosa contiene la confezione'],
  },
  {
    id: 'warranty',
    en: ['warranty', 'warranties', 'guarantee', 'guaranteed', 'guarantees', 'warranty period', 'legal guarantee', 'extended warranty', 'under warranty', 'covered by warranty', 'warranty claim', 'claim', 'manufacturer warranty', 'register my product', 'product registration', 'guarantee period', 'warranty length', 'year warranty', 'two year guarantee', 'lifetime warranty', 'lifetime guarantee', 'warranty cover', 'what the warranty covers', 'is it covered', 'still under warranty', 'out of warranty', 'warranty card', 'consumer rights', 'legal rights', 'guarantee claim'],
    it: ['garanzia', 'garanzie', 'garantito', 'garantita', 'garanzia legale', 'garanzia del produttore', 'in garanzia', 'garanzia convenzionale', 'estensione di garanzia', 'coperto da garanzia', 'richiesta di garanzia', 'garanzia di conformità', 'anni di garanzia', 'registrare il prodotto', 'registrazione prodotto', 'garanzia di due anni', 'quanto dura la garanzia', 'garanzia a vita', 'fuori garanzia', 'copre la garanzia', 'cosa copre la garanzia', 'certificato di garanzia', 'codice del consumo', 'diritti del consumatore', 'difetto di conformità', 'durata della garanzia', 'warranty'],
  },
  {
    id: 'protection-plan',
    en: ['accidental damage', 'protection plan', 'care plan', 'device insurance', 'applecare', 'damage cover', 'insurance plan'],
    it: ['danni accidentali', 'protezione danni', 'piano di protezione', 'polizza', 'polizza danni', 'applecare', 'copertura danni'],
  },
  {
    id: 'repair',
    en: ['repair', 'repairs', 'repaired', 'fix', 'fixed', 'mend', 'service centre', 'service center', 'spare parts', 'spare part', 'replacement part', 'replacement parts', 'aftercare', 'get it fixed', 'get it repaired', 'fix it', 'can you fix', 'send for repair', 'repair service', 'repair cost', 'service my bike', 'bike service', 'restring', 'restringing', 'resole', 'resoling', 'reupholster', 'watch repair', 'battery replacement', 'replace the battery', 'jewellery repair', 'jewelry repair', 'broken clasp', 'repair my'],
    it: ['riparazione', 'riparazioni', 'riparare', 'riparato', 'aggiustare', 'aggiustato', 'centro assistenza', 'assistenza tecnica', 'pezzi di ricambio', 'ricambi', 'ricambio', 'laboratorio', 'assistenza post vendita', 'farlo riparare', 'mandarlo in riparazione', 'in riparazione', 'riparazione a pagamento', 'costo riparazione', 'preventivo riparazione', 'revisione', 'manutenzione bici', 'risuolatura', 'risuolare', 'cambio pila', 'cambio batteria', 'incordatura', 'riparazione gioielli', 'chiusura rotta', 'sostituzione batteria', 'far aggiustare'],
  },
  {
    id: 'tech-support',
    en: ['setup', 'set up', 'setting up', 'troubleshooting', 'troubleshoot', 'user manual', 'manual', 'bluetooth', 'bluetooth pairing', 'pair with my phone', 'firmware', 'software update', 'tech support', 'technical support', 'factory reset', 'connect to wifi', 'wifi', "won't connect", "can't connect", 'pairing', 'reset the device', 'how to set up', 'setting it up', 'app not connecting', 'connect to the app', 'update the firmware', 'not connecting', 'connection problem', 'wi-fi', 'user guide', 'instruction manual', 'quick start guide', 'getting started'],
    it: ['configurazione', 'configurare', 'manuale', "manuale d'uso", 'manuale di istruzioni', 'libretto di istruzioni', 'libretto', 'accoppiare', 'associare', 'bluetooth', 'firmware', 'aggiornamento software', 'ripristino', 'wifi', 'non si connette', 'non si collega', 'collegare al telefono', 'associare al telefono', 'abbinare', 'abbinamento', 'guida rapida', 'manuale utente', 'resettare il dispositivo', 'reset di fabbrica', 'impostazioni di fabbrica', 'aggiornare il firmware', 'come si imposta', 'configurarlo', "istruzioni per l'uso", "istruzioni d'uso"],
  },
  {
    id: 'battery-charging',
    en: ['battery', 'batteries', 'battery life', 'charger', 'recharge', 'rechargeable', 'power bank', 'charging cable', 'not charging', "won't charge", "doesn't charge", 'charge time', 'how long to charge', 'what batteries', 'battery type', 'aa batteries', 'aaa batteries', 'button cell', 'coin battery', 'charging port', 'usb-c', 'usb c', 'usb', 'wireless charging', 'fast charging', 'battery drain', 'battery drains', 'battery dies', 'holds charge'],
    it: ['batteria', 'batterie', 'durata della batteria', 'autonomia', 'caricabatterie', 'ricarica', 'ricaricabile', 'caricare', 'cavo di ricarica', 'pile', 'pila', 'che pile servono', 'pile stilo', 'ministilo', 'tipo di pile', 'tipo di batteria', 'porta di ricarica', 'usb', 'usb-c', 'ricarica wireless', 'ricarica rapida', 'si scarica subito', 'batteria scarica', 'batterie ricaricabili'],
  },
  {
    id: 'compatibility',
    en: ['compatible', 'compatible with', 'fit my model', 'compatibility', 'adapter', 'adaptor', 'plug', 'uk plug', 'eu plug', 'voltage', 'socket', 'model number', 'compatible with iphone', 'fits my model', 'which model', 'region locked', 'plug type', 'travel adapter', 'american plug', 'us plug'],
    it: ['compatibile', 'compatibili', 'compatibilità', 'adattatore', 'spina', 'presa elettrica', 'presa di corrente', 'voltaggio', 'tensione', 'spina italiana', 'modello compatibile', 'compatibile con', 'spina americana', 'spina inglese', 'spina schuko', 'presa italiana', 'adattatore da viaggio', 'compatibile con iphone', 'compatibile con il mio'],
  },
  {
    id: 'certification',
    en: ['certified', 'certification', 'certificate', 'ce marking', 'ce mark', 'safety standards', 'bpa free', 'non-toxic', 'toy safety', 'safety tested', 'ce certified', 'en71', 'choking hazard', 'small parts', 'safe for children', 'safe for kids', 'baby safe', 'food safe', 'food grade', 'medical device', 'fsc', 'oeko-tex', 'oeko tex', 'lead free', 'hallmark', 'hallmarked', 'safety certificate'],
    it: ['certificato', 'certificazione', 'certificazioni', 'marchio ce', 'norme di sicurezza', 'senza bpa', 'atossico', 'conforme', 'sicuro per i bambini', 'pezzi piccoli', 'rischio soffocamento', 'giocattolo sicuro', 'norme ce', 'en71', 'contatto alimentare', 'idoneo al contatto', 'dispositivo medico', 'fsc', 'oeko-tex', 'punzone', 'marchio di garanzia', 'senza piombo', 'certificato ce', 'sicurezza giocattoli'],
  },
  {
    id: 'energy-efficiency',
    en: ['energy class', 'energy rating', 'energy label', 'energy efficiency', 'power consumption', 'energy consumption', 'wattage'],
    it: ['classe energetica', 'etichetta energetica', 'consumo energetico', 'consumi', 'efficienza energetica', 'potenza', 'wattaggio'],
  },
  {
    id: 'refurbished',
    en: ['refurbished', 'renewed', 'second hand', 'second-hand', 'pre-owned', 'preowned', 'open box', 'ex-display', 'ex display', 'graded', 'used items', 'used products', 'reconditioned', 'used books', 'used book', 'nearly new', 'like new', 'ex-demo', 'grade a', 'condition grades', 'vintage', 'pre-loved', 'preloved'],
    it: ['ricondizionato', 'ricondizionati', 'rigenerato', 'seconda mano', 'di seconda mano', 'ex demo', 'articoli usati', 'prodotti usati', 'ex esposizione', 'esposizione', 'pari al nuovo', 'libri usati', 'libro usato', 'come nuovo', 'usato garantito', 'vintage', 'ricondizionato garantito', 'condizioni estetiche', 'second hand'],
  },
  {
    id: 'trade-in',
    en: ['part exchange', 'part-exchange', 'trade in value', 'trade-in value', 'sell my old', 'buy back', 'buyback', 'trade in offer', 'trade in my old'],
    it: ['permuta', 'in permuta', "valutazione dell'usato", 'supervalutazione', 'rottamazione', 'vendere il mio usato', 'buyback', 'trade-in', 'trade in', 'valutare il mio usato'],
  },
  {
    id: 'old-appliance-disposal',
    en: ['old appliance', 'take away my old', 'removal of old', 'weee', 'recycling', 'recycle', 'dispose', 'disposal', 'haul away', 'take back old', 'remove my old sofa', 'take my old mattress', 'old mattress', 'old sofa', 'old furniture', 'take away the old', 'collect my old', 'recycle my old', 'one for one', 'like for like', 'old bed'],
    it: ["ritiro dell'usato", 'ritiro usato', 'raee', 'smaltimento', 'smaltire', 'riciclo', 'riciclare', 'ritiro del vecchio', 'vecchio elettrodomestico', 'ritiro uno contro uno', 'vecchio materasso', 'vecchio divano', 'vecchi mobili', 'portare via il vecchio', 'ritiro vecchio', 'ritiro del materasso', 'vecchio letto', 'ritiro del vecchio divano'],
  },

  // ---------------------------------------------------------------- gifts, codes, promotions, prices
  {
    id: 'gift-card',
    en: ['gift card', 'gift cards', 'giftcard', 'giftcards', 'voucher', 'vouchers', 'gift voucher', 'gift vouchers', 'e-gift card', 'egift', 'egift card', 'gift certificate', 'gift token', 'digital gift card', 'gift card code', 'redeem gift card', 'redeem a voucher', 'use my gift card', 'use a voucher', 'use my voucher', 'e-voucher', 'evoucher', 'gift card expired', 'lost gift card', 'gift card not working', 'book token', 'book tokens', 'book voucher', 'store voucher', 'shopping voucher', 'top up gift card'],
    it: ['gift card', 'giftcard', 'buono regalo', 'buoni regalo', 'carta regalo', 'carte regalo', 'voucher', 'buono acquisto', 'buoni acquisto', 'buono spesa', 'e-gift card', 'card regalo', 'tessera regalo', 'cofanetto regalo', 'regalare un buono', 'usare il buono', 'usare la gift card', 'buono digitale', 'gift card digitale', 'ricaricare la gift card', 'codice gift card', 'codice del buono', 'buono scaduto', 'riscattare il buono', 'buono libro', 'buoni libro', 'usare la carta regalo', 'buono regalo digitale', 'voucher regalo'],
  },
  {
    id: 'gift-card-balance',
    en: ['balance', 'remaining balance', 'check balance', 'check my balance', 'credit left', 'how much is left', 'remaining credit', 'balance left', 'leftover balance', 'remaining amount', 'unused balance', 'gift card balance', 'voucher balance', 'money left on'],
    it: ['credito residuo', 'importo residuo', 'saldo residuo', 'saldo della carta', 'verificare il saldo', 'controllare il credito', 'quanto resta', 'credito rimanente', 'quanto credito', 'credito disponibile', 'quanto mi resta', 'importo rimanente', 'credito avanzato', 'credito non usato', 'residuo', 'saldo gift card', 'saldo del buono', 'credito sulla gift card'],
  },
  {
    id: 'gift-order',
    en: ['gift', 'gifts', 'present', 'presents', 'as a gift', 'send as a gift', 'gift receipt', 'hide the price', 'without prices', 'no prices', 'for someone else', 'gift for', 'christmas present', 'christmas gift', "mother's day", 'mothers day', "father's day", 'fathers day', 'valentine', "valentine's day", 'anniversary', 'anniversary gift', 'wedding gift', 'gift idea', 'gift ideas', 'gift for him', 'gift for her', 'secret santa', 'stocking filler', 'stocking fillers', 'hamper', 'hampers', 'gift hamper', 'gift set', 'send directly to', 'ship to the recipient', 'gift recipient', 'surprise', 'for my mum', 'for my mom', 'for my mother', 'for my dad', 'for my father', 'for my grandma', 'for my grandmother', 'for my grandad', 'for my grandpa', 'for my girlfriend', 'for my boyfriend', 'for my wife', 'for my husband', 'for my niece', 'for my nephew', 'present for', 'buying for someone', 'gift basket', 'christmas basket', 'food basket'],
    it: ['regalo', 'regali', 'regalare', 'per un regalo', 'come regalo', 'scontrino di cortesia', 'ricevuta regalo', 'senza prezzo', 'senza prezzi', 'nascondere il prezzo', "per un'altra persona", 'fare un regalo', 'regalo di natale', 'regali di natale', 'festa della mamma', 'festa del papà', 'san valentino', 'anniversario', 'regalo di nozze', 'idea regalo', 'idee regalo', 'pensierino', 'regalino', 'cesto regalo', 'cesto natalizio', 'cesti natalizi', 'sorpresa', 'fare una sorpresa', 'destinatario del regalo', 'spedire al destinatario', 'regalarlo', 'da regalare', 'mamma', 'madre', 'papà', 'padre', 'nonna', 'nonno', 'fidanzata', 'fidanzato', 'nipote', 'regalo per mia madre', 'regalo per lei', 'regalo per lui', 'cesto', 'cesti', 'cestino regalo', 'cesta regalo'],
  },
  {
    id: 'gift-wrap',
    en: ['gift wrap', 'gift wrapping', 'gift-wrapped', 'gift wrapped', 'wrapping', 'wrap', 'wrapped', 'gift box', 'gift bag', 'wrapping paper', 'ribbon', 'wrap it', 'wrap it up', 'wrapped as a gift', 'gift packaging', 'present wrapping', 'nicely wrapped', 'giftwrap', 'wrapping service', 'tissue paper', 'jewellery box', 'jewelry box', 'ring box', 'presentation box', 'wrap presents'],
    it: ['confezione regalo', 'pacchetto regalo', 'pacco regalo', 'incarto', 'incartare', 'impacchettare', 'impacchettato', 'scatola regalo', 'sacchetto regalo', 'nastro', 'fiocco', 'incartato', 'incartarlo', 'impacchettarlo', 'pacchettino', 'confezione natalizia', 'confezione elegante', 'scatola elegante', 'sacchetto', 'shopper regalo', 'bustina regalo', 'astuccio', 'scatolina', 'cofanetto', 'incarto regalo', 'gift wrap'],
  },
  {
    id: 'gift-message',
    en: ['gift message', 'personal message', 'card message', 'greeting card', 'greetings card', 'message card', 'handwritten note', 'add a message', 'add a note', 'gift note', 'note for the recipient', 'card with message', 'include a card', 'write a message', 'birthday card', 'personal note', 'add a card', 'message for the recipient', 'note in the parcel'],
    it: ['messaggio regalo', 'bigliettino', 'biglietto personalizzato', "biglietto d'auguri", 'dedica', 'messaggio personalizzato', 'aggiungere un messaggio', 'aggiungere una dedica', 'biglietto di auguri', 'biglietto', 'messaggio di auguri', 'auguri', 'scrivere un messaggio', 'aggiungere un biglietto', 'biglietto con dedica', 'frase di auguri', 'biglietto regalo', 'messaggio nel pacco'],
  },
  {
    id: 'gift-registry',
    en: ['wedding list', 'gift registry', 'wedding registry', 'baby registry', 'gift list'],
    it: ['lista nozze', 'lista regali', 'lista nascita', 'lista di nozze', 'lista regalo'],
  },
  {
    id: 'free-gift',
    en: ['free gift', 'gift with purchase', 'freebie', 'freebies', 'bonus gift', 'free sample with order', 'gift with order', 'complimentary gift', 'free item'],
    it: ['omaggio', 'omaggi', 'in omaggio', 'regalo in omaggio', 'gadget', 'regalo con acquisto', 'regalo omaggio', 'omaggio con ordine', 'articolo omaggio', 'prodotto omaggio'],
  },
  {
    id: 'discount-code',
    en: ['discount code', 'discount codes', 'promo code', 'promo codes', 'promotional code', 'coupon', 'coupons', 'coupon code', 'voucher code', 'offer code', 'code', 'codes', 'apply code', 'enter code', 'redeem code', 'discount voucher', 'code box', 'where to enter code', 'enter the code', 'use a code', 'add a code', 'discount field', 'promo field', 'coupon field', 'voucher box', 'promo box', 'discount link', 'influencer code', 'newsletter code', 'forgot to apply', 'forgot my code', 'where do i put', 'apply a discount', 'apply the coupon', 'redeem a code', 'use a coupon', 'use my coupon'],
    it: ['codice sconto', 'codici sconto', 'codice promozionale', 'codici promozionali', 'codice promo', 'coupon', 'codice coupon', 'buono sconto', 'buoni sconto', 'codice', 'codici', 'inserire il codice', 'applicare il codice', 'codice voucher', 'codice offerta', 'dove metto il codice', 'dove inserisco il codice', 'inserire il coupon', 'applicare il coupon', 'campo codice', 'campo coupon', 'codice influencer', 'codice newsletter', 'dimenticato il codice', 'dimenticato di inserire', 'usare il codice', 'usare il coupon', 'applicare lo sconto', 'inserire lo sconto', 'codice sconto dove', 'promo code', 'discount code'],
  },
  {
    id: 'code-not-working',
    en: ['code not working', "code doesn't work", 'invalid code', 'code invalid', 'code rejected', 'code not accepted', 'code expired', 'discount not applied', 'discount not applying', 'code error', "code won't work", "code isn't working", 'code says invalid', 'code not valid', 'coupon not working', 'voucher not working', 'promo code not working', 'not applying', 'code did not apply', 'discount not showing', 'discount missing', 'no discount applied', 'code already used', 'code not recognised', 'code not recognized', 'coupon invalid', 'coupon expired', 'voucher invalid', 'voucher code invalid'],
    it: ['codice non funziona', 'codice non valido', 'codice non accettato', 'codice scaduto', 'codice errato', 'sconto non applicato', 'sconto non viene applicato', 'codice rifiutato', 'errore codice', 'il codice non va', 'codice non applicato', 'coupon non funziona', 'coupon non valido', 'non applica lo sconto', 'codice già usato', 'codice già utilizzato', 'codice non riconosciuto', 'non prende il codice', 'non accetta il codice', 'sconto non scalato', 'sconto non calcolato', 'non vedo lo sconto', 'coupon scaduto', 'coupon rifiutato', 'codice non funzionante'],
  },
  {
    id: 'stack-discounts',
    en: ['combine codes', 'combine discounts', 'stack', 'stack codes', 'stackable', 'more than one code', 'two codes', 'multiple codes', 'use two codes', 'use two discounts', 'combine offers', 'discount on top', 'sale and code', 'codes together', 'use with sale items'],
    it: ['cumulabile', 'cumulabili', 'cumulare', 'cumulare gli sconti', 'due codici', 'sommare gli sconti', 'codici insieme', 'usare due codici', 'sconti cumulabili', 'due sconti', 'sommare il codice', 'codice sui saldi', 'codice su prodotti scontati', 'codice insieme ai saldi', 'cumulare i codici'],
  },
  {
    id: 'discount',
    en: ['discount', 'discounts', 'discounted', 'percent off', 'money off', 'deal', 'deals', 'reduction', 'reductions', 'reduced', 'markdown', 'cheaper', 'cheaper price', 'lower price', 'good deal', 'best price', 'bargain', 'bargains', 'save money', 'price reduction', 'any discount', 'get a discount', 'give me a discount', 'percentage off'],
    it: ['sconto', 'sconti', 'scontato', 'scontati', 'scontata', 'riduzione', 'ribasso', 'ribassato', 'ribassi', 'percentuale di sconto', 'prezzo ridotto', 'risparmiare', 'prezzo più basso', 'sconticino', 'fare uno sconto', 'risparmio', 'prezzo scontato', 'sconto extra', 'sconto aggiuntivo', 'prezzo speciale', 'uno sconto', 'farmi uno sconto', 'affare'],
  },
  {
    id: 'promotion-sale',
    en: ['sale', 'sales', 'on sale', 'promotion', 'promotions', 'promo', 'special offer', 'current offers', 'latest offers', 'on offer', 'special offers', 'black friday', 'cyber monday', 'clearance', 'outlet', 'seasonal sale', 'end of season', 'mid-season sale', 'summer sale', 'winter sale', 'january sale', 'boxing day', 'prime day', 'flash sale', 'promotional offer', 'next sale', 'when is the sale', 'sale items', 'current promotions', 'any promotions', 'singles day'],
    it: ['saldi', 'saldo', 'in saldo', 'promozione', 'promozioni', 'promo', 'offerta', 'offerte', 'offerta speciale', 'black friday', 'cyber monday', 'svendita', 'outlet', 'fine stagione', 'in offerta', 'volantino', 'saldi estivi', 'saldi invernali', 'inizio saldi', 'quando iniziano i saldi', 'promo in corso', 'offerte in corso', 'promozioni attive', 'promozioni in corso', 'sottocosto', 'flash sale', 'vendite private', 'fuori tutto', 'liquidazione', 'prossimi saldi', 'articoli in saldo'],
  },
  {
    id: 'first-order-discount',
    en: ['first order discount', 'first order', 'first purchase', 'welcome discount', 'welcome offer', 'new customer discount', 'new customers', 'sign up discount', 'first time buyer', 'first time customer', 'first-time customers', 'welcome code', 'new customer code', 'first time ordering', 'first time buying', 'first time shopping', 'newsletter discount', 'sign up offer', 'signup discount', 'signup offer', 'sign-up discount', 'welcome voucher', 'off first order', 'first purchase discount'],
    it: ['sconto primo ordine', 'primo ordine', 'primo acquisto', 'sconto di benvenuto', 'benvenuto', 'nuovi clienti', 'nuovo cliente', "sconto all'iscrizione", 'codice di benvenuto', 'sconto iscrizione newsletter', 'sconto newsletter', 'prima volta che ordino', 'nuova cliente', 'primo acquisto sconto', 'sconto sul primo ordine', 'sconto sul primo acquisto', 'sconto benvenuto', 'welcome code', 'codice benvenuto'],
  },
  {
    id: 'special-group-discount',
    en: ['student discount', 'students', 'student', 'unidays', 'student beans', 'nhs discount', 'military discount', 'teacher discount', 'teachers', 'key workers', 'senior discount', 'student code', 'student offer', 'healthcare workers', 'nurses', 'blue light card', 'blue light discount', 'veterans', 'pensioners', 'disabled customers', 'charity discount', 'employee discount', 'staff discount'],
    it: ['sconto studenti', 'studenti', 'studente', 'sconto universitari', 'sconto militari', 'sconto insegnanti', 'insegnanti', 'sconto over 65', 'sconto dipendenti', 'convenzione', 'convenzioni', 'sconto studenti universitari', 'sconto pensionati', 'pensionati', 'sconto sanitari', 'sanitari', "forze dell'ordine", 'sconto forze armate', 'sconto disabili', 'cral', 'sconto aziendale', 'sconto associazioni'],
  },
  {
    id: 'price-match',
    en: ['price match', 'price matching', 'price promise', 'cheaper elsewhere', 'cheaper somewhere else', 'lower price elsewhere', 'match the price', 'beat the price', 'competitor', 'competitors', 'cheaper on amazon', 'cheaper online', 'found it cheaper', 'seen it cheaper', 'better price elsewhere', 'beat a price', 'lower elsewhere', 'elsewhere', 'match a price', 'other shops'],
    it: ['prezzo più basso altrove', 'costa meno altrove', 'meno caro altrove', 'adeguamento prezzo', 'adeguare il prezzo', 'allineamento prezzi', 'concorrenza', 'concorrente', 'concorrenti', 'prezzo migliore', 'costa meno su amazon', 'trovato a meno', "l'ho visto a meno", 'altrove', 'altri negozi', 'altri siti', 'su amazon costa meno', 'un altro sito'],
  },
  {
    id: 'price-drop',
    en: ['price drop', 'price dropped', 'price went down', 'price adjustment', 'price protection', 'refund the difference', 'went on sale after', 'reduced after i bought', 'price difference', 'dropped in price', 'price went down after', 'went on sale', 'sale after i bought', 'price has dropped', 'price changed after'],
    it: ['prezzo sceso', 'prezzo abbassato', 'calo di prezzo', 'differenza di prezzo', 'rimborso della differenza', 'rimborsare la differenza', 'ribassato dopo', 'sceso di prezzo', 'adesso costa meno', 'ora costa meno', 'costa meno adesso', 'messo in offerta dopo', 'prezzo cambiato', 'prezzo ribassato', 'abbassato il prezzo', 'scontato dopo'],
  },
  {
    id: 'vat-tax',
    en: ['vat', 'vat included', 'including vat', 'inc vat', 'incl vat', 'excluding vat', 'ex vat', 'plus vat', 'sales tax', 'tax', 'taxes', 'tax included', 'tax free', 'tax-free', 'inclusive of vat', 'prices include vat', 'including tax', 'with tax', 'vat free', 'vat exempt', 'reclaim vat', 'vat refund', 'tax refund', 'tax back', 'before tax', 'after tax', 'gross price', 'net price'],
    it: ['iva', 'iva inclusa', 'iva compresa', 'iva esclusa', 'esclusa iva', 'più iva', 'ivato', 'prezzi ivati', 'tasse', 'tassa', 'imposte', 'imposta', 'tax free', 'esente iva', 'aliquota', 'prezzi con iva', 'comprensivo di iva', 'prezzi comprensivi di iva', 'scorporo iva', 'rimborso iva', 'senza iva', 'tasse incluse', 'tasse comprese', 'iva al 22', 'prezzo netto', 'prezzo lordo', 'iva agevolata', 'iva al 4'],
  },
  {
    id: 'extra-fees',
    en: ['hidden fees', 'hidden costs', 'extra fees', 'extra costs', 'additional charges', 'additional fees', 'surprise charges', 'any other charges', 'surprise fees', 'pay anything extra', 'anything else to pay', 'extra to pay', 'handling fee', 'service fee', 'booking fee', 'small order fee', 'processing fee', 'final price', 'additional cost'],
    it: ['costi nascosti', 'costi aggiuntivi', 'spese extra', 'spese aggiuntive', 'costi extra', 'supplementi nascosti', 'sorprese in fattura', 'altri costi', 'commissione', 'commissioni', 'diritti di gestione', 'costo di gestione', 'spese di gestione', 'prezzo finale', 'pagare altro', 'costo aggiuntivo'],
  },
  {
    id: 'price-error',
    en: ['wrong price', 'price error', 'pricing error', 'pricing mistake', 'incorrect price', 'price was wrong', 'different price at checkout', 'price on the website', 'advertised price', 'price shown', 'price changed at checkout', 'different price', 'price mistake', 'wrong amount', 'price discrepancy'],
    it: ['prezzo sbagliato', 'prezzo errato', 'errore di prezzo', 'errore nel prezzo', 'prezzo diverso', 'prezzo diverso in cassa', 'prezzo sul sito', 'prezzo pubblicizzato', 'prezzo indicato', 'prezzo cambiato alla cassa', 'prezzo non corretto', 'importo diverso', 'importo errato'],
  },
  {
    id: 'currency',
    en: ['currency', 'currencies', 'pounds', 'sterling', 'euros', 'euro', 'dollars', 'exchange rate', 'convert', 'conversion', 'local currency', 'gbp', 'usd', 'eur', 'chf', 'swiss francs', 'prices in pounds', 'pay in pounds', 'pay in dollars', 'pay in euros', 'foreign currency', 'conversion fee', 'currency conversion', 'change currency'],
    it: ['euro', 'dollari', 'sterline', 'cambio valuta', 'tasso di cambio', 'conversione', 'valuta locale', 'valuta estera', 'pagare in euro', 'franchi svizzeri', 'chf', 'gbp', 'usd', 'commissioni di cambio', 'cambiare valuta', 'prezzi in euro', 'pagare in sterline', 'pagare in dollari'],
  },
  {
    id: 'loyalty',
    en: ['loyalty', 'loyalty points', 'loyalty programme', 'loyalty program', 'loyalty card', 'loyalty scheme', 'points', 'reward points', 'rewards', 'reward', 'membership', 'member', 'members', 'vip', 'cashback', 'club', 'tier', 'points balance', 'my points', 'use my points', 'redeem points', 'redeem my points', 'points expire', 'earn points', 'collect points', 'loyalty discount', 'rewards programme', 'rewards program', 'rewards card', 'loyal customer', 'regular customer', 'frequent customer', 'member discount', 'members discount', 'club card', 'clubcard', 'stamp card', 'become a member', 'join the club', 'vip club'],
    it: ['fedeltà', 'punti fedeltà', 'programma fedeltà', 'carta fedeltà', 'tessera fedeltà', 'punti', 'raccolta punti', 'premi', 'premio', 'membri', 'membro', 'vip', 'cashback', 'club', 'tessera', 'livello', 'usare i punti', 'accumulare punti', 'raccogliere punti', 'saldo punti', 'i miei punti', 'punti scaduti', 'scadenza punti', 'cliente abituale', 'cliente fedele', 'sconto fedeltà', 'programma punti', 'card fedeltà', 'fidelity card', 'fidelity', 'carta fidelity', 'tessera punti', 'raccolta bollini', 'bollini', 'diventare socio', 'iscriversi al club', 'membership', 'loyalty'],
  },
  {
    id: 'birthday',
    en: ['birthday', 'birthday discount', 'birthday gift', 'birthday treat'],
    it: ['compleanno', 'sconto compleanno', 'regalo di compleanno', 'sconto di compleanno'],
  },
  {
    id: 'referral',
    en: ['refer a friend', 'referral', 'referrals', 'referral code', 'invite a friend', 'invite friends', 'recommend a friend', 'refer friends', 'referral link', 'referral scheme', 'refer and earn', 'friend discount', 'share with a friend', 'invite code'],
    it: ['invita un amico', 'presenta un amico', 'invitare un amico', 'codice amico', 'referral', 'codice invito', 'porta un amico', 'codice referral', 'link di invito', 'invita gli amici', "presenta un'amica", "porta un'amica", 'sconto amico', 'invitare amici'],
  },

  // ---------------------------------------------------------------- marketing email and notifications
  {
    id: 'newsletter',
    en: ['newsletter', 'newsletters', 'mailing list', 'email list', 'subscribe', 'subscribed', 'subscribing', 'marketing emails', 'promotional emails', 'marketing email', 'join the mailing list', 'sign up for emails', 'join your newsletter', 'email updates', 'hear about offers', 'get your emails', 'stay updated', 'news and offers', 'email offers', 'newsletter sign up', 'get the newsletter', 'receive the newsletter'],
    it: ['newsletter', 'mailing list', 'iscrizione', 'iscrivermi', 'iscriversi', 'iscritto', 'iscritta', 'email promozionali', 'mail promozionali', 'email di marketing', 'comunicazioni commerciali', 'comunicazioni promozionali', 'lista email', 'iscrivermi alla newsletter', 'ricevere la newsletter', 'ricevere le offerte', 'ricevere aggiornamenti', 'restare aggiornato', 'restare aggiornata', 'email con le offerte', 'novità via email', 'email pubblicitarie', 'mail pubblicitarie', 'pubblicità via email', 'iscrizione newsletter', 'iscrizione alla newsletter'],
  },
  {
    id: 'unsubscribe',
    en: ['unsubscribe', 'unsubscribed', 'unsubscribing', 'opt out', 'opt-out', 'opting out', 'stop emails', 'stop getting emails', 'stop emailing', 'stop sending', 'stop receiving', 'take me off', 'too many emails', 'no more emails', 'spam', 'stop the newsletter', 'stop the spam', "don't want emails", 'no more newsletters', 'stop marketing emails', 'leave the mailing list', 'unsubscribe link', 'remove from mailing list', 'remove my email', 'stop the emails', 'stop sending me emails', 'stop emailing me', 'stop texting', 'stop texting me', 'stop the texts', 'stop sms', 'stop messages', 'off your mailing list', 'get off the list', "don't email me", 'no more marketing', 'unsubscribe me', 'unsubscribe from newsletter', 'cancel newsletter', 'cancel the newsletter', 'cancel emails', 'block emails', 'junk emails', 'too many newsletters', 'stop promotional emails', 'opt out of marketing', 'withdraw consent', 'marketing preferences', 'email preferences', 'communication preferences', 'stop all emails', 'keep getting emails', 'still receiving emails'],
    it: ['disiscrivermi', 'disiscriversi', 'disiscrizione', 'disiscritto', 'cancellarmi dalla newsletter', "cancellare l'iscrizione", 'annullare iscrizione', "annullare l'iscrizione", 'smettete di mandarmi', 'smettere di ricevere', 'non voglio ricevere', 'toglietemi', 'togliermi dalla lista', 'troppe email', 'troppe mail', 'revocare il consenso', 'disattivare la newsletter', 'basta email', 'basta mail', 'non voglio più email', 'cancellarmi dalla mailing list', 'disdire la newsletter', 'stop newsletter', "disdire l'iscrizione", "disdire l'abbonamento alla newsletter", 'non voglio più ricevere', 'smettetela', 'basta newsletter', 'basta spam', 'basta messaggi', 'basta sms', 'niente più email', 'niente più mail', 'toglietemi dalla newsletter', 'levatemi', 'levatemi dalla lista', 'cancellatemi', 'cancellami', 'disiscrivimi', 'disiscrizione newsletter', 'cancellazione newsletter', 'cancellare la newsletter', 'annullare la newsletter', 'preferenze email', 'preferenze di comunicazione', 'ricevo troppe email', 'ricevo troppe mail', 'rimuovere la mia email', 'togliere la mia email', 'continuo a ricevere', 'non voglio più mail', 'smettere di inviarmi', 'unsubscribe', 'non voglio la newsletter'],
  },
  {
    id: 'notifications',
    en: ['notifications', 'notification', 'sms', 'text message', 'text messages', 'texts', 'push notifications', 'alerts', 'text alerts', 'sms updates', 'whatsapp updates', 'turn off notifications', 'stop notifications', 'email notifications', 'delivery notifications', 'order updates by text', 'push notification'],
    it: ['notifiche', 'notifica', 'sms', 'avvisi', 'notifiche push', 'messaggino', 'aggiornamenti via sms', 'disattivare le notifiche', 'notifiche whatsapp', 'notifiche email', 'avviso via sms', 'togliere le notifiche', 'notifiche di consegna'],
  },

  // ---------------------------------------------------------------- account
  {
    id: 'account',
    en: ['account', 'accounts', 'my account', 'profile', 'customer account', 'customer area', 'dashboard', 'user account', 'my profile', 'account page', 'account settings', 'customer login area'],
    it: ['account', 'profilo', 'area personale', 'area riservata', 'il mio account', 'account cliente', 'area clienti', 'utenza', 'il mio profilo', 'pagina account', 'impostazioni account', 'area utente', 'mio account'],
  },
  {
    id: 'registration',
    en: ['register', 'registration', 'sign up', 'signing up', 'create an account', 'open an account', 'new account', 'join', 'registering', 'create account', 'make an account', 'set up an account', 'register an account', 'signup', 'sign-up', 'how to register', 'registration form'],
    it: ['registrarsi', 'registrarmi', 'registrazione', 'registrato', 'creare un account', 'aprire un account', 'nuovo account', 'iscrizione al sito', 'creazione account', 'creare un profilo', 'iscrivermi al sito', 'aprire un profilo', 'registrare un account', 'registrarsi al sito', 'creare account', 'fare la registrazione'],
  },
  {
    id: 'guest-checkout',
    en: ['guest checkout', 'as a guest', 'guest', 'without an account', 'without registering', 'without signing up', 'no account', 'without account', 'guest order', 'order as guest', 'checkout as guest', 'without logging in', 'without login', 'without registration', 'is registration required', 'registration required', 'mandatory registration', 'account required', 'account mandatory'],
    it: ['senza registrarsi', 'senza registrazione', 'senza account', 'come ospite', 'ospite', 'acquisto come ospite', 'senza registrarmi', 'senza iscrizione', 'senza iscrivermi', "senza fare l'account", 'senza creare un account', 'registrazione obbligatoria', 'obbligatorio registrarsi', 'account obbligatorio', 'ordinare come ospite', 'devo registrarmi', 'bisogna registrarsi', 'serve registrarsi', 'serve un account'],
  },
  {
    id: 'login',
    en: ['log in', 'login', 'log on', 'logging in', 'sign in', 'signing in', "can't log in", 'cannot log in', 'locked out', 'access my account', 'logged out', 'cannot access', "can't access my account", 'account locked', 'account blocked', 'login problem', 'login problems', 'login issues', 'trouble logging in', 'log out', 'sign out', 'stay logged in', 'login details', 'username', 'user name', 'credentials', "can't sign in", 'unable to log in', 'sign into my account'],
    it: ['accedere', 'accesso', 'login', 'accedo', 'loggarmi', 'entrare nel profilo', "entrare nell'account", 'non riesco ad accedere', 'fare il login', 'account bloccato', 'non riesco a entrare', 'non riesco a loggarmi', 'accedere al mio account', 'entrare nel mio account', 'problemi di accesso', 'problemi di login', 'problema di accesso', 'nome utente', 'username', 'credenziali', 'dati di accesso', 'disconnesso', 'logout', 'bloccato fuori', 'uscire dal profilo', 'fare logout', 'entrare nel sito'],
  },
  {
    id: 'email-not-received',
    en: ["didn't get the email", 'email not received', 'no email', 'spam folder', 'junk folder', 'junk mail', 'check my spam', "emails aren't arriving", 'not getting emails', "haven't received the email", 'no email received', "didn't receive an email", 'email never came', 'email never arrived', 'not received any email', 'no emails', 'where is the email', 'check spam', 'junk', 'spam box', "email hasn't arrived", 'not getting your emails'],
    it: ["non ho ricevuto l'email", 'email non ricevuta', 'mail non ricevuta', 'nessuna email', 'cartella spam', 'posta indesiderata', 'controllare lo spam', 'non arrivano le mail', 'non arrivano le email', 'mail non arrivata', "non mi arriva l'email", 'mail mai arrivata', 'email mai arrivata', 'nessuna mail', 'non ricevo email', 'non ricevo mail', 'non ricevo le mail', 'finita nello spam', 'nella posta indesiderata', 'email non arrivata', 'mail non ricevute', 'non arriva la mail', "non arriva l'email"],
  },
  {
    id: 'verification-code',
    en: ['verification code', 'otp', 'one-time code', 'one time password', 'sms code', 'two-factor', '2fa', 'security code', 'code not received', "didn't get the code", 'login code', 'confirmation code', 'one time code', 'authentication code', 'text code', 'sms not received', 'two factor', '2-step verification', 'verification email'],
    it: ['codice di verifica', 'codice otp', 'otp', 'codice monouso', 'codice sms', 'autenticazione a due fattori', 'codice di sicurezza', 'codice non arrivato', 'codice non ricevuto', 'codice di accesso', 'codice di conferma', 'sms non arrivato', 'verifica in due passaggi', 'doppia autenticazione', 'codice via sms', 'mail di verifica', 'non arriva il codice'],
  },
  {
    id: 'password',
    en: ['password', 'passwords', 'forgot password', 'forgotten password', 'forgot my password', 'reset password', 'password reset', 'reset my password', 'new password', 'change password', 'reset link', 'forgot my login', 'forgotten login', 'reset', 'wrong password', 'password not working', 'password incorrect', 'lost password', 'reset email', 'password reset email', 'change my password', 'update my password', 'password link', 'forgotten my password', 'forgot password link'],
    it: ['password', 'password dimenticata', 'dimenticato la password', 'reimpostare la password', 'recuperare la password', 'recupero password', 'cambiare password', 'cambiare la password', 'nuova password', 'parola chiave', 'reimpostazione', 'resettare la password', 'resettare', 'reset', 'password sbagliata', 'password errata', 'password non funziona', 'ho perso la password', 'non ricordo la password', 'ricordare la password', "recuperare l'account", 'email di reset', 'link di reset', 'link per la password', 'password non valida', 'modificare la password', 'cambio password'],
  },
  {
    id: 'account-security',
    en: ['hacked', 'account hacked', 'suspicious activity', 'someone used my account', 'unauthorised access', 'compromised', 'someone hacked', 'unauthorised order', 'unauthorized order', "order i didn't place", 'fraudulent order', 'unauthorized', 'strange login', 'phishing', 'phishing email', 'suspicious email', 'fake email', 'scam email', 'suspicious text', 'scam text', 'account stolen'],
    it: ['account violato', 'hackerato', 'hackerata', 'accesso sospetto', 'attività sospetta', 'qualcuno ha usato', 'account compromesso', 'ordine non autorizzato', 'phishing', 'email sospetta', 'mail sospetta', 'sms truffa', 'sms sospetto', 'messaggio sospetto', 'accesso non autorizzato', 'account rubato', 'qualcuno è entrato', 'mail falsa', 'email truffa'],
  },
  {
    id: 'account-details',
    en: ['update my details', 'change my details', 'change email', 'change my email', 'change my name', 'update my email', 'change phone number', 'account details', 'change my phone number', 'update phone number', 'change my surname', 'saved address', 'address book', 'saved addresses', 'update my profile', 'edit my profile', 'personal details'],
    it: ['modificare i miei dati', 'aggiornare i dati', 'cambiare email', 'cambiare la mail', 'cambiare nome', 'modificare il profilo', 'dati del profilo', 'dati account', 'cambiare numero di telefono', 'modificare email', 'cambiare il cognome', 'rubrica indirizzi', 'modificare i dati', 'aggiornare il profilo', 'indirizzi salvati', 'dati personali del profilo', 'modificare il mio profilo', 'cambiare i miei dati'],
  },
  {
    id: 'delete-account',
    en: ['delete account', 'delete my account', 'close my account', 'close account', 'remove my account', 'deactivate account', 'deactivate my account', 'account deletion', 'remove my profile', 'delete my profile', 'close my profile', 'cancel my account', 'terminate my account', 'delete my customer account'],
    it: ["cancellare l'account", "eliminare l'account", 'eliminare account', "chiudere l'account", 'chiudere il profilo', 'eliminare il profilo', "disattivare l'account", "cancellazione dell'account", 'cancellare il profilo', 'cancellami dal sito', 'cancellazione account', 'chiusura account', 'disattivare il profilo', 'eliminare il mio profilo', 'cancellare il mio account', 'chiudere account'],
  },
  {
    id: 'wishlist',
    en: ['wishlist', 'wish list', 'wishlists', 'save for later', 'saved items', 'favourites', 'favorites', 'favourite', 'save items', 'save an item', 'heart', 'liked items', 'favourite items', 'favourites list', 'share my wishlist', 'saved for later'],
    it: ['lista dei desideri', 'lista desideri', 'wishlist', 'preferiti', 'salvare per dopo', 'articoli salvati', 'salvare un articolo', 'lista preferiti', 'aggiungere ai preferiti', 'cuoricino', 'articoli preferiti', 'condividere la wishlist'],
  },

  // ---------------------------------------------------------------- payment
  {
    id: 'payment-methods',
    en: ['payment methods', 'payment method', 'payment options', 'payment option', 'ways to pay', 'pay', 'paying', 'payment', 'payments', 'accepted payments', 'change payment method', 'pay with', 'payment types', 'types of payment', 'how can i pay', 'how do i pay', 'pay in store', 'pay by cheque', 'cheque', 'check payment', 'ways of paying', 'what payment', 'payment accepted'],
    it: ['metodi di pagamento', 'metodo di pagamento', 'modalità di pagamento', 'forme di pagamento', 'pagamento', 'pagamenti', 'pagare', 'pago', 'pagato', 'opzioni di pagamento', 'come pagare', 'pagare con', 'tipi di pagamento', 'sistemi di pagamento', 'pagare in negozio', 'come si paga', 'come posso pagare', 'metodi accettati', 'pagamenti accettati', 'si può pagare', 'posso pagare'],
  },
  {
    id: 'card-payment',
    en: ['card', 'cards', 'credit card', 'debit card', 'bank card', 'visa', 'mastercard', 'amex', 'american express', 'maestro', 'prepaid card', 'card details', 'pay by card', 'pay with card', 'card payment', 'cards accepted', 'visa debit', 'diners', 'jcb', 'discover card', 'pay by credit card', 'pay with debit card', 'which cards'],
    it: ['carta', 'carte', 'carta di credito', 'carte di credito', 'carta di debito', 'bancomat', 'visa', 'mastercard', 'amex', 'american express', 'maestro', 'postepay', 'carta prepagata', 'prepagata', 'pagare con carta', 'pagamento con carta', 'carta visa', 'carta mastercard', 'pagobancomat', 'carta revolut', 'hype', 'carta conto', 'carta virtuale', 'pagare con la carta', 'pagare con bancomat', 'pagare con il bancomat', 'quali carte'],
  },
  { id: 'paypal', en: ['paypal', 'pay pal', 'paypal account', 'via paypal', 'pay with paypal', 'pay by paypal', 'paypal checkout'], it: ['paypal', 'pay pal', 'pagare con paypal', 'conto paypal', 'tramite paypal', 'con paypal', 'account paypal'] },
  {
    id: 'bank-transfer',
    en: ['bank transfer', 'wire transfer', 'bank wire', 'transfer', 'iban', 'bacs', 'bank details', 'sepa', 'pay by transfer', 'pay by bank transfer', 'account number', 'sort code', 'bank account', 'payment reference', 'transfer reference', 'bank account details', 'swift', 'bic', 'instant transfer', 'made the transfer', 'sent the transfer'],
    it: ['bonifico', 'bonifico bancario', 'bonifico istantaneo', 'iban', 'trasferimento bancario', 'coordinate bancarie', 'sepa', 'estremi bancari', 'pagare con bonifico', 'causale', 'causale del bonifico', 'dati bancari', 'conto corrente', 'conto bancario', 'swift', 'bic', 'intestatario', 'bonifico effettuato', 'ho fatto il bonifico', 'ricevuta del bonifico', 'contabile', 'cro', 'trn', 'intestare il bonifico', 'bank transfer'],
  },
  {
    id: 'cash-on-delivery',
    en: ['cash on delivery', 'cod', 'pay on delivery', 'pay cash', 'cash', 'pay the courier', 'pay the driver', 'pay when it arrives', 'pay when delivered', 'pay at the door', 'cash payment', 'pay in cash', 'cod fee', 'cash on arrival', 'pay on receipt', 'pay when i receive'],
    it: ['contrassegno', 'pagamento alla consegna', 'pagare alla consegna', 'in contanti', 'contanti', 'pagare al corriere', 'pagamento in contanti', 'pagare in contanti', 'pago alla consegna', 'pagamento al corriere', 'pagare al fattorino', 'supplemento contrassegno', 'pagare quando arriva', 'pagare alla porta', 'soldi al corriere', 'pagare quando ricevo', 'pagare al ricevimento', 'costo contrassegno', 'cash on delivery'],
  },
  {
    id: 'instalments',
    en: ['klarna', 'pay in instalments', 'pay in installments', 'monthly instalments', 'pay later', 'pay in three', 'buy now pay later', 'afterpay', 'clearpay', 'scalapay', 'financing', 'finance', 'monthly payments', 'split payment', 'spread the cost', 'interest free', 'interest-free', 'zero interest', 'pay monthly', 'monthly plan', 'payment plan', 'pay in parts', 'split the payment', 'paypal credit', 'paypal pay later', 'pay later with', 'klarna pay later', 'zip pay', 'laybuy', 'humm', 'affirm', 'pay in instalment'],
    it: ['rate', 'a rate', 'rata', 'rateale', 'rateizzare', 'rateizzato', 'pagamento a rate', 'pagare a rate', 'in tre rate', 'klarna', 'scalapay', 'finanziamento', 'pagamento dilazionato', 'paga dopo', 'pagamento posticipato', 'tasso zero', 'senza interessi', 'interessi zero', 'in comode rate', 'rateizzazione', 'pagamento rateizzato', 'dividere il pagamento', 'pagare in più volte', 'pagare in tre volte', 'findomestic', 'compass', 'agos', 'heylight', 'soisy', 'pagolight', 'paypal in 3 rate', 'paga in 3 rate', 'pagamento mensile', 'rate mensili', 'pay later'],
  },
  {
    id: 'digital-wallet',
    en: ['apple pay', 'google pay', 'samsung pay', 'amazon pay', 'satispay', 'digital wallet', 'mobile payment', 'gpay', 'applepay', 'pay with my phone', 'pay with phone'],
    it: ['apple pay', 'google pay', 'samsung pay', 'amazon pay', 'satispay', 'portafoglio digitale', 'pagamento da smartphone', 'pagare con il telefono', 'pagare con lo smartphone', 'gpay', 'pagare col telefono'],
  },
  {
    id: 'payment-failed',
    en: ['payment failed', 'payment declined', 'declined', 'card declined', 'card rejected', 'payment rejected', 'transaction failed', 'payment error', 'payment not going through', "won't go through", 'payment refused', 'unable to pay', "payment didn't work", "payment doesn't work", "card won't work", 'card not working', 'card not accepted', 'cannot pay', 'payment problem', 'payment problems', 'payment issue', 'problem paying', 'trouble paying', 'error when paying', 'checkout error', 'payment stuck', 'payment keeps failing', 'transaction declined', 'bank declined', '3d secure failed', 'payment page error', 'payment not accepted', 'paypal not working', 'payment unsuccessful'],
    it: ['pagamento rifiutato', 'pagamento non riuscito', 'pagamento fallito', 'carta rifiutata', 'transazione rifiutata', 'transazione fallita', 'errore nel pagamento', 'errore di pagamento', 'non riesco a pagare', 'pagamento negato', 'pagamento non andato', 'non mi fa pagare', 'il pagamento non passa', 'pagamento non passa', 'la carta non passa', 'carta non passa', 'carta non accettata', 'carta non funziona', 'problema con il pagamento', 'problemi di pagamento', 'problema di pagamento', 'problemi con il pagamento', 'errore carta', 'errore al pagamento', 'pagamento bloccato', 'pagamento non completato', 'paypal non funziona', 'transazione negata', 'transazione annullata', 'pagamento annullato', 'pagamento non riesce', 'pagamento non va'],
  },
  {
    id: 'charged-twice',
    en: ['charged twice', 'double charge', 'double charged', 'duplicate charge', 'charged two times', 'billed twice', 'paid twice', 'taken twice', 'two payments', 'extra charge', 'overcharged', 'took the money twice', 'charged me twice', 'charged double', 'paid two times', 'double payment', 'payment taken twice', 'two charges', 'charged more than once', 'charged too much', 'wrong amount charged', 'charged the wrong amount', 'charged me double'],
    it: ['addebitato due volte', 'addebito doppio', 'doppio addebito', 'pagato due volte', 'addebito duplicato', 'doppio pagamento', 'due addebiti', 'scalato due volte', 'soldi presi due volte', 'pagato doppio', 'due pagamenti', 'pagamento doppio', 'addebito errato', 'importo sbagliato', 'addebitato troppo', 'addebitato il doppio', 'pagato il doppio'],
  },
  {
    id: 'payment-authorisation',
    en: ['pending', 'pending payment', 'pending charge', 'authorisation', 'hold on my card', 'when am i charged', 'card charged', 'money taken', 'debited', 'money taken but', 'charged without order', 'payment pending', 'pre-authorisation', 'pre-authorization', 'temporary hold', 'held on my card', 'reserved amount', 'blocked amount', 'take the money', 'charged but no order', 'money was taken', 'when is payment taken'],
    it: ['addebito', 'addebitato', 'addebitata', 'preautorizzazione', 'autorizzazione', 'importo bloccato', 'in sospeso', 'pagamento in sospeso', 'quando viene addebitato', 'soldi scalati', 'transazione in attesa', 'soldi bloccati', 'importo trattenuto', 'soldi trattenuti', 'addebito senza ordine', 'addebitato ma', 'quando addebitate', 'quando prelevate', 'prelievo', 'quando mi scalate', 'movimento in sospeso', 'contabilizzato', 'soldi presi', 'importo riservato', 'avete preso i soldi'],
  },
  {
    id: 'government-voucher',
    en: ['teacher card', 'culture bonus', 'government voucher', '18app', 'teacher voucher', 'culture card'],
    it: ['carta del docente', 'bonus cultura', '18app', 'carta della cultura', 'bonus docenti', 'buono docente', 'carta cultura giovani', 'carta docente'],
  },
  {
    id: 'payment-security',
    en: ['secure payment', 'secure', 'security', 'safe to pay', '3d secure', 'encryption', 'encrypted', 'ssl', 'card details safe', 'verified by visa', 'safe to pay online', 'secure checkout', 'card details stored', 'save my card', 'saved card', 'store my card'],
    it: ['pagamento sicuro', 'sicuro', 'sicura', 'sicurezza', 'pagamenti sicuri', '3d secure', 'crittografia', 'criptato', 'dati della carta', 'protezione acquisti', 'ssl', 'è sicuro pagare', 'pagare in sicurezza', 'pagamento protetto', 'salvate la carta', 'carta salvata', 'memorizzare la carta', 'dati della carta salvati'],
  },
  {
    id: 'deposit',
    en: ['deposit', 'down payment', 'pay a deposit', 'advance payment', 'pay upfront', 'partial payment', 'pay the rest later', 'balance payment', 'remaining balance on delivery', 'pay the balance'],
    it: ['acconto', 'caparra', 'anticipo', 'pagamento anticipato', 'pagare in anticipo', 'pagamento parziale', 'saldo alla consegna', 'pagare il saldo', 'versare un acconto', 'acconto e saldo', 'lasciare un acconto'],
  },

  // ---------------------------------------------------------------- invoices
  {
    id: 'invoice',
    en: ['invoice', 'invoices', 'receipt', 'receipts', 'vat invoice', 'tax invoice', 'proof of purchase', 'copy of invoice', 'copy of my receipt', 'receipt for my order', 'order receipt', 'need a receipt', 'send me the invoice', 'download invoice', 'download my invoice', 'where is my invoice', 'invoice request', 'request an invoice', 'vat receipt', 'print invoice', 'e-invoice', 'electronic invoice', 'billing document', 'invoice number'],
    it: ['fattura', 'fatture', 'scontrino', 'scontrini', 'fattura elettronica', 'ricevuta fiscale', "prova d'acquisto", "documento d'acquisto", 'copia della fattura', 'fatturare', "fattura per l'ordine", 'scaricare la fattura', 'richiedere la fattura', 'mi serve la fattura', 'emettere fattura', 'ricevuta di pagamento', 'ricevuta di acquisto', 'scontrino fiscale', 'documento fiscale', 'fattura non ricevuta', "dov'è la fattura", 'fatturazione elettronica', 'numero della fattura', 'avere la fattura', 'fare la fattura', 'invoice', 'ricevuta fiscale elettronica', 'ricevuta per la garanzia', 'ricevuta del pagamento', 'una ricevuta fiscale'],
  },
  {
    id: 'company-tax-details',
    en: ['vat number', 'vat registration', 'tax code', 'tax number', 'fiscal code', 'company details', 'company name', 'business invoice', 'company invoice', 'eori', 'company vat', 'vat no', 'business details', 'partita iva', 'codice fiscale', 'sdi code', 'company registration number'],
    it: ['partita iva', 'piva', 'codice fiscale', 'codice sdi', 'sdi', 'pec', 'codice destinatario', 'ragione sociale', 'dati aziendali', 'fattura intestata', 'intestare la fattura', "fattura all'azienda", 'fattura aziendale', 'codice univoco', "intestata all'azienda", 'dati della società', 'fattura alla ditta', 'intestare alla società', 'fattura con partita iva', 'vat number'],
  },
  {
    id: 'billing-address',
    en: ['billing address', 'billing', 'billing details', 'invoice address', 'different billing address', 'cardholder address', 'billing address different', 'change billing address', 'billing and delivery address', 'bill to'],
    it: ['indirizzo di fatturazione', 'dati di fatturazione', 'dati fatturazione', 'indirizzo fatturazione', 'cambiare indirizzo di fatturazione', 'fatturazione diversa', 'indirizzo di fatturazione diverso', 'dati per la fattura'],
  },

  // ---------------------------------------------------------------- sizes and fit (fashion)
  {
    id: 'size',
    en: ['size', 'sizes', 'sizing', 'size guide', 'size chart', 'size table', 'what size', 'which size', 'measurements', 'measure', 'measuring', 'small', 'medium', 'large', 'xs', 'xl', 'xxl', 'petite', 'plus size', 'uk size', 'us size', 'eu size', 'my size', 'your sizes', 'size advice', 'size help', 'sizing advice', 'size conversion', 'size converter', 'italian size', 'european size', 'us sizing', 'uk sizing', 'ring size', 'ring sizes', 'ring sizer', 'finger size', 'bracelet size', 'bracelet length', 'chain length', 'necklace length', 'frame size', 'bike size', 'helmet size', 'glove size', 'collar size', 'dog collar size', 'harness size', 'bra size', 'cup size', 'waist size', 'inside leg', 'inseam', 'chest measurement', 'chest size', 'in between sizes', 'between sizes', 'extra large', 'extra small', 'one size', 'one size fits all', 'size up or down', 'kids sizes', 'wetsuit size', 'grip size', 'size of the ring'],
    it: ['taglia', 'taglie', 'misura', 'misure', 'guida alle taglie', 'tabella taglie', 'tabella delle taglie', 'che taglia', 'quale taglia', 'misurare', 'misurarmi', 'small', 'medium', 'xs', 'xl', 'xxl', 'taglie forti', 'conversione taglie', 'taglia giusta', 'misura giusta', 'consiglio sulla taglia', 'tabella misure', 'guida taglie', 'misura anello', "misura dell'anello", 'taglia anello', 'misura del dito', 'circonferenza del dito', 'lunghezza della catenina', 'lunghezza collana', 'misura bracciale', 'taglia del telaio', 'misura telaio', 'misura casco', 'taglia reggiseno', 'girovita', 'giro vita', 'giro seno', 'giro petto', 'lunghezza gamba', 'taglia unica', 'taglia italiana', 'taglia europea', 'taglie americane', 'taglia inglese', 'tra due taglie', 'misura collare', 'taglia cane', 'taglia della pettorina', 'che taglia prendo', 'che misura prendo', 'quale misura', 'size guide'],
  },
  {
    id: 'age-range',
    en: ['age range', 'recommended age', 'for kids', 'for children', 'children', 'kids', 'baby', 'toddler', 'newborn', 'what age', 'age', 'ages', 'years old', 'year old', 'months old', 'toddlers', 'teen', 'teenager', 'teens', 'for a baby', 'for a toddler', 'boy', 'girl', 'suitable age', 'age group', 'reading age', 'age guide'],
    it: ['fascia di età', "fascia d'età", 'età consigliata', 'per bambini', 'bambini', 'bambino', 'bimbi', 'neonato', 'neonati', 'età', 'ragazzi', 'ragazzo', 'ragazza', 'adolescenti', 'bimba', 'bimbo', 'bambina', 'prima infanzia', 'infanzia', 'anni di età', 'da che età', 'quale età', 'mesi di età', 'età di lettura'],
  },
  {
    id: 'pet-dog',
    en: ['dog', 'dogs', 'puppy', 'puppies', 'pup', 'doggy', 'pooch', 'canine', 'my dog', 'small dog', 'large dog', 'senior dog', 'dog breed'],
    it: ['cane', 'cani', 'cucciolo', 'cuccioli', 'cagnolino', 'cagnolina', 'cagnolini', 'cane anziano', 'cane di taglia piccola', 'cane di taglia grande', 'razza del cane', 'il mio cane'],
  },
  {
    id: 'pet-cat',
    en: ['cat', 'cats', 'kitten', 'kittens', 'kitty', 'feline', 'my cat', 'indoor cat', 'senior cat', 'sterilised cat', 'neutered cat'],
    it: ['gatto', 'gatti', 'gattino', 'gattini', 'micio', 'mici', 'felino', 'il mio gatto', 'gatto sterilizzato', 'gatto anziano', 'gatto casalingo'],
  },
  {
    id: 'pet-feeding',
    en: ['feeding guide', 'feeding guidelines', 'how much to feed', 'daily portion', 'portion size', 'food amount', 'switching food', 'change food', 'transition to new food', 'wet food', 'dry food', 'kibble', 'dog food', 'cat food', 'pet food', 'puppy food', 'kitten food', 'treats for', 'feeding amount', 'grain free'],
    it: ['razione giornaliera', 'quantità giornaliera', 'quanto dargli', 'quanto cibo', 'crocchette', 'cibo umido', 'cibo secco', 'cambio alimentazione', 'cambiare cibo', 'mangime', 'pappa', 'snack per cani', 'cibo per gatti', 'cibo per cani', 'grain free', 'senza cereali'],
  },
  {
    id: 'fit',
    en: ['fit', 'fits', 'fitting', 'true to size', 'runs small', 'runs large', 'runs big', 'come up small', 'tight', 'loose', 'snug', 'roomy', 'slim fit', 'regular fit', 'oversized', 'baggy', 'model is wearing', 'model wears', 'model height', 'fits small', 'fits large', 'fits big', 'come up big', 'comes up small', 'comes up large', 'small fitting', 'large fitting', 'generous fit', 'runs true to size', 'go up a size', 'go down a size', 'how does it fit', 'fit guide', 'fitted', 'sleeve length', 'stretch', 'stretchy', 'does it stretch', 'stretches', 'elastic', 'boot fitting'],
    it: ['vestibilità', 'veste piccolo', 'veste grande', 'veste regolare', 'stretto', 'stretta', 'largo', 'larga', 'aderente', 'comodo', 'oversize', 'slim', 'come veste', 'calza piccolo', 'calza grande', 'la modella indossa', 'taglia della modella', 'altezza della modella', 'il modello indossa', 'veste giusto', 'calza giusto', 'una taglia sopra', 'taglia sotto', 'veste abbondante', 'abbondante', 'veste stretto', 'calza stretto', 'elasticizzato', 'si allarga', 'si sforma', 'lunghezza manica', 'vestibilità regolare', 'come calza', 'come vestono', 'prendere una taglia sopra', 'prendere la taglia sotto'],
  },
  {
    id: 'shoe-size',
    en: ['shoe size', 'shoe sizes', 'half size', 'half sizes', 'wide feet', 'wide fit', 'foot length', 'narrow feet', 'shoe size guide', 'narrow fit', 'wide fitting', 'insole length', 'between shoe sizes', 'half size up', 'shoe sizing'],
    it: ['numero di scarpe', 'numero scarpa', 'mezzo numero', 'mezza taglia', 'piede largo', 'pianta larga', 'lunghezza del piede', 'numero di scarpa', 'calzata larga', 'lunghezza soletta', 'piede stretto', 'pianta stretta', 'numero scarpe', 'mezzo numero in più'],
  },
  {
    id: 'alterations',
    en: ['alterations', 'alteration', 'hemming', 'hem', 'take up', 'shorten', 'tailoring', 'resize', 'resizing', 'ring resizing', 'resize a ring', 'resize my ring', 'adjust the strap', 'strap adjustment', 'remove links', 'shorten the strap', 'shorten the bracelet', 'let out'],
    it: ['orlo', 'orli', 'sartoria', 'modifiche sartoriali', 'accorciare', 'stringere', 'riparazioni sartoriali', 'ridimensionare', 'ridimensionamento', "allargare l'anello", "stringere l'anello", "ridimensionare l'anello", 'accorciare il bracciale', 'togliere maglie', 'accorciare il cinturino', 'modificare la misura', 'adattare la misura', "fare l'orlo"],
  },
  {
    id: 'personalisation',
    en: ['personalise', 'personalised', 'personalisation', 'customise', 'engraving', 'engrave', 'engraved', 'monogram', 'embroidery', 'embroidered', 'bespoke', 'made to measure', 'engrave a name', 'custom engraving', 'engraving cost', 'initials', 'name necklace', 'add a name', 'customised', 'customisation', 'print my name', 'custom text', 'monogrammed', 'embroider'],
    it: ['personalizzare', 'personalizzato', 'personalizzata', 'personalizzazione', 'incisione', 'incidere', 'inciso', 'ricamo', 'ricamato', 'monogramma', 'iniziali', 'nome stampato', 'fatto su misura', 'incisione personalizzata', 'incidere il nome', 'far incidere', 'scritta personalizzata', 'nome inciso', 'personalizzabile', 'ricamare', 'stampa personalizzata', 'customizzare', 'custom', 'incisione del nome', 'aggiungere il nome'],
  },

  // ---------------------------------------------------------------- stock
  {
    id: 'availability',
    en: ['in stock', 'out of stock', 'stock', 'available', 'availability', 'unavailable', 'not available', 'sold out', 'inventory', 'stock levels', 'stocks', 'no stock', 'stock level', 'when available', 'not in stock', 'currently unavailable', 'available to buy', 'greyed out', 'size out of stock', 'low stock', 'limited stock', 'last few', 'in stock now', 'have it in stock', 'got any left', 'still available'],
    it: ['disponibile', 'disponibili', 'disponibilità', 'non disponibile', 'esaurito', 'esaurita', 'esauriti', 'in magazzino', 'magazzino', 'sold out', 'scorte', 'avete in magazzino', 'taglia esaurita', 'taglie esaurite', 'ultimi pezzi', 'pochi pezzi', 'scorte limitate', 'disponibilità limitata', 'in stock', 'stock', 'out of stock', 'non è disponibile', 'ancora disponibile', 'è disponibile'],
  },
  {
    id: 'store-stock',
    en: ['available in store', 'in-store stock', 'stock in store', 'check store stock', 'in store availability', 'in my local store'],
    it: ['disponibile in negozio', 'disponibilità in negozio', 'disponibili in negozio', 'scorte in negozio', 'presente in negozio'],
  },
  {
    id: 'restock',
    en: ['back in stock', 'restock', 'restocked', 'restocking', 'notify me', 'notify me when', 'stock alert', 'stock notification', 'replenish', 'available again', 'come back in stock', 'email me when', 'when will you restock', 'get more in', 'new stock', 'more stock', 'restock date', 'waiting list', 'waitlist', 'notify when available', 'back in stock soon', 'when is it back'],
    it: ['tornerà disponibile', 'torna disponibile', 'di nuovo disponibile', 'rifornimento', 'riassortimento', 'riassortito', 'avvisami', 'avvisatemi', 'notifica di disponibilità', 'ritorno in stock', 'rientro', 'quando torna', 'riarrivo', 'quando rientra', 'rientrerà', 'rientro merce', 'lo riassortite', 'riassortirete', "lista d'attesa", 'avvisatemi quando', 'avvisami quando', 'notifica quando disponibile', 'ritornerà disponibile', 'rifornite', 'restock', 'quando torna in stock', 'back in stock'],
  },
  {
    id: 'discontinued',
    en: ['discontinued', 'no longer available', 'out of print', 'no longer sold', 'no longer stock', 'end of line', 'not making it anymore', 'no longer made', 'no longer produced', 'stopped selling', 'stop selling', "don't sell anymore", 'discontinue', 'retired', 'gone for good', 'not sold anymore'],
    it: ['fuori produzione', 'fuori catalogo', 'non più in vendita', 'non lo producono più', 'fine serie', 'non lo vendete più', 'non lo fate più', 'non più prodotto', 'tolto dal catalogo', 'ritirato dal commercio', 'non si trova più', 'non lo trovo più', 'articolo ritirato'],
  },
  {
    id: 'pre-order',
    en: ['pre-order', 'preorder', 'pre order', 'preorders', 'pre-ordered', 'reserve', 'reservation', 'advance order', 'release date', 'launch date', 'coming soon', 'upcoming release', 'pre-order delivery', 'preorder shipping', 'reserve one', 'put aside', 'hold an item', 'keep it aside', 'release day', 'reserve a book', 'reserve a copy'],
    it: ['preordine', 'pre-ordine', 'preordinare', 'preordinato', 'prenotare', 'prenotazione', 'prenotato', 'data di uscita', 'uscita', 'prossimamente', 'data di lancio', 'prenotarlo', 'mettere da parte', 'tenere da parte', 'mettermelo da parte', 'quando esce', 'in uscita', "data d'uscita", 'novità in uscita', 'preordinabile', 'prenotare un libro', 'prenotare una copia', 'pre-order', 'preorder'],
  },
  {
    id: 'special-order',
    en: ['special order', 'special orders', 'hard to find', 'hard-to-find', 'not on your website', 'not on the site', 'not listed', 'not in your catalogue', 'item not listed', 'order something not listed'],
    it: ['procurare', 'procurarmi', 'potete procurarmi', 'non è sul sito', 'introvabile', 'articolo non presente', 'non presente nel catalogo', 'libro introvabile', 'ordinazione libri', 'reperire'],
  },
  {
    id: 'made-to-order',
    en: ['made to order', 'custom made', 'production time', 'manufacturing time', 'built to order', 'handmade to order', 'how long to make', 'crafted to order', 'production lead time', 'made when you order'],
    it: ['realizzato su ordinazione', 'tempi di produzione', 'produzione', 'realizzato su richiesta', 'fatto su ordinazione', 'tempi di realizzazione', 'tempo di realizzazione', 'tempi di lavorazione', 'produzione su richiesta', 'realizzato a mano'],
  },

  // ---------------------------------------------------------------- shops and contact
  {
    id: 'click-collect',
    en: ['click and collect', 'click & collect', 'click-and-collect', 'store pickup', 'in-store pickup', 'pick up in store', 'pick up', 'pickup', 'collect in store', 'collect from store', 'collect it myself', 'reserve and collect', 'someone else collect', 'collect from the shop', 'collect my order', 'collect in person', 'pick up myself', 'come and collect', 'come and pick up', 'pickup in store', 'free collection', 'collection from store', 'ready to collect', 'ready for collection', 'ready for pickup', 'collect it', 'collect from your shop', 'collect from your warehouse'],
    it: ['ritiro in negozio', 'ritirare in negozio', 'ritiro', 'ritirare', 'ritiro in store', 'ritiro presso il negozio', 'passare a ritirare', 'ritirarlo di persona', 'click and collect', 'click & collect', 'ritiro in sede', 'delega', 'passo a ritirare', 'ritiro di persona', 'ritiro gratuito in negozio', 'pronto per il ritiro', 'venire a prendere', 'ritirare di persona', 'ritirarlo in negozio', 'ritiro in magazzino', 'pick up in negozio', 'ritirare io'],
  },
  {
    id: 'physical-store',
    en: ['store', 'stores', 'physical store', 'physical shop', 'shop near me', 'visit the shop', 'visit your shop', 'brick and mortar', 'store locator', 'showroom', 'boutique', 'retail store', 'shop', 'shops', 'bricks and mortar', 'local shop', 'nearest store', 'nearest shop', 'store near me', 'shop address', 'store address', 'where is your shop', 'come to the shop', 'visit in person', 'see in person', 'see it in person', 'flagship store', 'concession'],
    it: ['negozio', 'negozi', 'negozio fisico', 'negozi fisici', 'punto vendita', 'punti vendita', 'showroom', 'boutique', 'store', 'visitare il negozio', 'rivenditori vicino', 'negozio più vicino', 'indirizzo del negozio', 'venire in negozio', 'provare in negozio', 'vedere di persona', 'sede fisica', 'negozio fisico dove', 'avete un negozio', 'dove siete fisicamente', 'vedere in negozio'],
  },
  {
    id: 'opening-hours',
    en: ['opening hours', 'opening times', 'hours', 'open', 'closed', 'closing time', 'open on sunday', 'business hours', 'when are you open', 'open today', 'when do you open', 'when do you close', 'saturday', 'sunday', 'weekends', 'open on saturday', 'open late', 'late night opening', 'store hours', 'shop hours', 'closing times', 'what time you open', 'what time you close'],
    it: ['orari', 'orario', 'orari di apertura', 'orario di apertura', 'aperto', 'aperti', 'chiuso', 'chiusi', 'apertura', 'chiusura', 'orario continuato', 'domenica', 'siete aperti', 'sabato', 'festivi aperti', 'orari del negozio', 'a che ora aprite', 'a che ora chiudete', 'aprite', 'chiudete', 'aperto la domenica', 'pausa pranzo', 'giorno di chiusura', 'orari negozio', 'aperti il sabato', 'aperti la domenica'],
  },
  {
    id: 'holidays',
    en: ['bank holiday', 'bank holidays', 'public holiday', 'public holidays', 'christmas', 'holiday', 'holidays', 'easter', 'summer closure', 'christmas delivery', 'new year', 'christmas shipping', 'last posting date', 'christmas cut-off', 'order by christmas', 'arrive before christmas', 'in time for christmas', 'closed for holidays', 'holiday closure', 'summer holidays', 'christmas period', 'over christmas'],
    it: ['festività', 'festivi', 'giorni festivi', 'natale', 'ferie', 'chiusura estiva', 'ferragosto', 'pasqua', 'capodanno', 'vacanze', 'ponte', 'in tempo per natale', 'prima di natale', 'arriva per natale', 'entro natale', 'spedizioni natalizie', 'ultimo giorno per ordinare', 'chiusi per ferie', 'chiusura per ferie', 'ferie estive', 'agosto', 'epifania', 'befana', 'periodo natalizio', 'sotto natale'],
  },
  {
    id: 'contact',
    en: ['contact', 'contact you', 'contact us', 'contact details', 'get in touch', 'reach you', 'customer service', 'customer services', 'customer support', 'customer care', 'support', 'support team', 'help desk', 'helpdesk', 'speak to you', 'talk to you', 'reach someone', 'get hold of', 'get hold of you', 'how can i contact', 'how to contact', 'talk to customer service', 'contact form', 'support ticket', 'open a ticket', 'raise a ticket', 'customer service team', 'call center', 'call centre'],
    it: ['contattare', 'contattarvi', 'contatto', 'contatti', 'assistenza', 'assistenza clienti', 'servizio clienti', 'supporto', 'customer care', 'help desk', 'mettermi in contatto', 'recapiti', 'parlare con voi', 'come vi contatto', 'modulo di contatto', 'form di contatto', 'servizio assistenza', 'ufficio clienti', "parlare con l'assistenza", 'ticket', 'aprire un ticket', 'call center', 'customer service', 'contattare il servizio clienti', 'come contattarvi'],
  },
  {
    id: 'support-hours',
    en: ['customer service hours', 'support hours', 'office hours', 'when can i call', 'when can i reach', 'available hours', 'hours of service', 'hours of operation', 'lunch break', 'weekend support', 'support on weekends', 'when do you answer', 'reply times', 'response time', 'how long to reply', 'customer service open', 'when does support open'],
    it: ['orari del servizio clienti', 'orari assistenza', "orari dell'assistenza", 'orari di ufficio', 'orario di ufficio', 'orari del supporto', 'reperibilità', 'orari di assistenza', 'orari servizio clienti', 'quando risponde', 'a che ora rispondete', 'rispondete il sabato', 'orari del call center', 'tempi di risposta', 'quando rispondete', 'orari della chat'],
  },
  {
    id: 'human',
    en: ['human', 'real person', 'speak to someone', 'talk to someone', 'agent', 'representative', 'operator', 'member of staff', 'not a bot', 'a person', 'actual person', 'real human', 'live agent', 'talk to a human', 'speak to a human', 'speak to a person', 'talk to a person', 'someone real', 'staff member', 'customer service agent', 'is this a bot', 'are you a robot', 'robot', 'bot', 'chatbot', 'real people', 'someone from the shop', 'someone who works there', 'talk to staff'],
    it: ['persona', 'persona reale', 'operatore', 'operatrice', 'umano', 'parlare con qualcuno', 'addetto', 'un essere umano', 'non un bot', 'persona vera', 'parlare con una persona', 'parlare con un operatore', 'operatore umano', 'passami un operatore', 'passatemi un operatore', 'un umano', 'sei un bot', 'sei un robot', 'robot', 'bot', 'chatbot', 'risponde qualcuno', 'persona fisica', 'qualcuno del negozio', 'un addetto'],
  },
  {
    id: 'phone',
    en: ['phone', 'telephone', 'call', 'call you', 'phone number', 'telephone number', 'helpline', 'hotline', 'freephone', 'call me back', 'callback', 'by phone', 'mobile number', 'cell phone', 'give you a call', 'phone you', 'number to call', 'customer service number', 'contact number', 'landline', 'call the shop'],
    it: ['telefono', 'telefonare', 'telefonata', 'chiamare', 'chiamarvi', 'numero di telefono', 'numero verde', 'telefonicamente', 'recapito telefonico', 'richiamare', 'richiamatemi', 'essere richiamato', 'cellulare', 'telefonarvi', 'numero da chiamare', 'numero assistenza', 'numero fisso', "numero dell'assistenza", 'numero del servizio clienti', 'contatto telefonico'],
  },
  {
    id: 'email-contact',
    en: ['email', 'e-mail', 'mail', 'email address', 'email you', 'send an email', 'email support', 'email address for support', 'support email', 'customer service email', 'contact email', 'your email', 'write an email'],
    it: ['email', 'e-mail', 'mail', 'indirizzo email', 'indirizzo e-mail', 'scrivervi', 'scrivere una mail', 'posta elettronica', 'mandare una mail', 'inviare una email', 'indirizzo mail', "mail dell'assistenza", "email dell'assistenza", 'email del servizio clienti', 'la vostra mail', 'vostra email', 'scrivere una email'],
  },
  {
    id: 'chat-social',
    en: ['live chat', 'chat', 'whatsapp', 'messenger', 'instagram', 'facebook', 'social media', 'tiktok', 'dm', 'direct message', 'chat with someone', 'live support', 'online chat', 'pinterest', 'youtube', 'telegram', 'instagram dm', 'whatsapp number'],
    it: ['chat', 'chat dal vivo', 'whatsapp', 'messenger', 'instagram', 'facebook', 'social', 'tiktok', 'messaggio privato', 'direct', 'chat online', 'chattare', 'scrivere su whatsapp', 'telegram', 'pinterest', 'youtube', 'pagina facebook', 'profilo instagram', 'numero whatsapp'],
  },
  {
    id: 'complaint',
    en: ['complaint', 'complaints', 'complain', 'not happy', 'unhappy', 'dissatisfied', 'disappointed', 'bad service', 'formal complaint', 'escalate', 'terrible service', 'not satisfied', 'very disappointed', 'awful', 'appalling', 'rubbish', 'useless', 'worst', 'make a complaint', 'file a complaint', 'speak to a manager', 'manager', 'unacceptable', 'ridiculous', 'angry', 'furious', 'fed up', 'report a problem', 'raise a complaint', 'ombudsman', 'trading standards', 'shocking service'],
    it: ['reclamo', 'reclami', 'lamentela', 'lamentarmi', 'insoddisfatto', 'insoddisfatta', 'non sono soddisfatto', 'deluso', 'delusa', 'disservizio', 'segnalazione', 'servizio pessimo', 'fare un reclamo', 'presentare reclamo', 'vergogna', 'vergognoso', 'inaccettabile', 'pessimo', 'pessima esperienza', 'arrabbiato', 'arrabbiata', 'stufo', 'stufa', 'scandaloso', 'responsabile', 'parlare con un responsabile', 'segnalare un problema', 'associazione consumatori', 'conciliazione', 'non sono soddisfatta', 'molto deluso', 'molto delusa'],
  },
  {
    id: 'reviews',
    en: ['review', 'reviews', 'write a review', 'leave a review', 'rating', 'ratings', 'testimonials', 'customer reviews', 'feedback', 'read reviews', 'see reviews', 'product reviews', 'star rating', 'stars', 'rate my purchase', 'review my order', 'google reviews', 'bad reviews', 'negative reviews'],
    it: ['recensione', 'recensioni', 'lasciare una recensione', 'scrivere una recensione', 'valutazione', 'valutazioni', 'opinioni', 'feedback', 'stelle', 'leggere le recensioni', 'lasciare un feedback', 'recensire', 'dare un voto', 'voto', 'recensioni negative', 'recensioni positive', 'opinioni dei clienti'],
  },
  {
    id: 'trust',
    en: ['legit', 'legitimate', 'scam', 'fraud', 'fraudulent', 'fake website', 'trustworthy', 'trust', 'reliable', 'trustpilot', 'real company', 'is this site legit', 'safe to order', 'safe to buy', 'genuine company', 'real shop', 'scam site', 'fake shop', 'is this a scam', 'are you real', 'are you legit'],
    it: ['truffa', 'truffe', 'affidabile', 'affidabilità', 'sito affidabile', 'fidarmi', 'fidarsi', 'frode', 'sito sicuro', 'sito falso', 'sito truffa', 'posso fidarmi', 'sicuro ordinare', 'è sicuro comprare', 'siete affidabili', 'serietà', 'sito serio', 'negozio serio', 'è una truffa', 'siete una truffa', 'sito affidabile?'],
  },
  {
    id: 'authenticity',
    en: ['authentic', 'genuine', 'original', 'originals', 'counterfeit', 'fake', 'replica', 'official retailer', 'authorised dealer', 'authorized dealer', 'official stockist', 'real or fake', 'is it genuine', 'knock off', 'knockoff', 'certificate of authenticity', 'authenticity certificate', 'official product', 'original product', 'genuine product', 'authorised retailer', 'authorized retailer'],
    it: ['originale', 'originali', 'autentico', 'autentica', 'autenticità', 'contraffatto', 'contraffazione', 'falso', 'tarocco', 'ufficiale', 'rivenditore autorizzato', 'rivenditore ufficiale', 'originale al 100', 'prodotto originale', 'certificato di autenticità', 'garanzia di autenticità', 'imitazione', 'replica', 'prodotti originali', 'non originale', 'prodotto contraffatto'],
  },
  {
    id: 'company-info',
    en: ['company', 'where are you based', 'based', 'headquarters', 'head office', 'registered office', 'warehouse location', 'family business', 'about the company', 'where are you located', 'uk based', 'italian company', 'who owns', 'your story', 'small business', 'independent shop'],
    it: ['azienda', 'società', 'sede legale', 'sede operativa', 'ditta', 'azienda di famiglia', 'dove avete sede', 'azienda italiana', 'piccola azienda', 'negozio indipendente'],
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
    en: ['appointment', 'appointments', 'book an appointment', 'consultation', 'personal shopper', 'personal shopping', 'styling session', 'video call', 'book a fitting', 'fitting appointment', 'bridal appointment', 'book a visit', 'private appointment', 'virtual consultation', 'skin consultation', 'beauty consultation', 'book a consultation'],
    it: ['appuntamento', 'appuntamenti', 'prenotare un appuntamento', 'consulenza', 'personal shopper', 'videochiamata', 'consulenza personalizzata', 'prenotare una visita', 'prenotare una prova', 'appuntamento in negozio', 'consulenza online', 'videoconsulenza', 'consulenza gratuita', 'visita in showroom', "consulenza d'immagine", 'consulenza beauty', 'prenotare una consulenza'],
  },
  {
    id: 'advice',
    en: ['advice', 'advise', 'recommend', 'recommendation', 'recommendations', 'suggest', 'suggestion', 'help me choose', 'suitable', 'which one is best', 'difference between', 'compare', 'comparison', 'help choosing', 'not sure which', 'which would you recommend'],
    it: ['consiglio', 'consigli', 'consigliare', 'consigliate', 'consigliatemi', 'suggerire', 'suggerimento', 'aiutatemi a scegliere', 'aiuto nella scelta', 'confronto', 'confrontare', 'non so quale', 'indecisa', 'indeciso', 'mi consigliate', 'cosa mi consigliate'],
  },
  {
    id: 'catalogue',
    en: ['catalogue', 'catalog', 'catalogues', 'brochure', 'printed catalogue', 'lookbook', 'price list'],
    it: ['catalogo', 'cataloghi', 'brochure', 'depliant', 'catalogo cartaceo', 'listino', 'listino prezzi'],
  },

  // ---------------------------------------------------------------- product information
  {
    id: 'materials',
    en: ['material', 'materials', 'fabric', 'fabrics', 'composition', 'cotton', 'organic cotton', 'wool', 'merino', 'cashmere', 'leather', 'faux leather', 'vegan leather', 'polyester', 'linen', 'silk', 'viscose', 'wood', 'solid wood', 'oak', 'metal', 'plastic', 'velvet', 'gold', 'silver', 'sterling silver', 'solid gold', 'gold plated', 'gold-plated', 'rose gold', 'white gold', 'platinum', 'stainless steel', 'titanium', 'brass', 'aluminium', 'aluminum', 'glass', 'ceramic', 'porcelain', 'bamboo', 'rattan', 'marble', 'walnut', 'veneer', 'mdf', 'particle board', 'fabric content', 'what fabric', 'gemstone', 'gemstones', 'diamond', 'diamonds', 'carat', 'karat', '18k', '925 silver', 'real gold', 'real silver', 'real leather', 'genuine leather', 'nylon', 'spandex', 'elastane', 'lycra', 'denim', 'stone', 'steel', 'pure gold', 'real gold or plated', 'solid silver'],
    it: ['materiale', 'materiali', 'tessuto', 'tessuti', 'composizione', 'cotone', 'cotone biologico', 'lana', 'merino', 'cashmere', 'pelle', 'ecopelle', 'similpelle', 'poliestere', 'lino', 'seta', 'viscosa', 'legno', 'legno massello', 'rovere', 'metallo', 'plastica', 'velluto', 'oro', 'argento', 'argento 925', 'oro 18 carati', 'placcato oro', 'placcato', 'oro bianco', 'oro rosa', 'oro giallo', 'platino', 'acciaio', 'acciaio inox', 'acciaio inossidabile', 'titanio', 'ottone', 'alluminio', 'vetro', 'ceramica', 'porcellana', 'bambù', 'rattan', 'marmo', 'legno di noce', 'impiallacciato', 'truciolato', 'mdf', 'pietra', 'pietre preziose', 'diamante', 'diamanti', 'vera pelle', 'pelle vera', 'di che materiale', 'nylon', 'elastan', 'lycra', 'denim', 'in che tessuto', 'che tessuto', 'oro vero', 'oro massiccio', 'argento vero', 'oro puro', 'argento massiccio'],
  },
  {
    id: 'care',
    en: ['care instructions', 'washing instructions', 'care label', 'wash', 'washing', 'washable', 'machine wash', 'machine washable', 'hand wash', 'dry clean', 'iron', 'ironing', 'tumble dry', 'shrink', 'clean', 'cleaning', 'maintenance', 'how to wash', 'how to clean', 'can i wash', 'washing machine', 'dishwasher', 'dishwasher safe', 'dishwasher proof', 'oven safe', 'microwave safe', 'remove stains', 'descale', 'descaling', 'limescale', 'polish', 'polishing', 'tarnish', 'tarnished', 'tarnishing', 'turn green', 'leather care', 'care guide', 'how to care for', 'wash temperature', 'delicate cycle', 'bleach', 'colour run', 'colours run', 'dye transfer', 'shrunk', 'shrinkage', 'waterproofing', 'how to look after', 'caring for', 'went black', 'turned black', 'gone black', 'turned dark', 'gone dark', 'discoloured', 'discolored', 'went green'],
    it: ['istruzioni di lavaggio', 'etichetta di lavaggio', 'lavaggio', 'lavare', 'lavabile', 'lavatrice', 'lavaggio a mano', 'lavare a mano', 'lavare a secco', 'lavaggio a secco', 'stirare', 'asciugatrice', 'si restringe', 'restringersi', 'pulire', 'pulizia', 'manutenzione', 'cura del prodotto', 'come si lava', 'come lavarlo', 'come pulirlo', 'si può lavare', 'va in lavatrice', 'lavastoviglie', 'lavabile in lavastoviglie', 'resistente al forno', 'adatto al forno', 'microonde', 'adatto al microonde', 'macchie', 'togliere le macchie', 'smacchiare', 'decalcificare', 'anticalcare', 'lucidare', 'lucidatura', 'annerisce', 'annerito', 'si ossida', 'ossidazione', 'diventa verde', 'infeltrito', 'infeltrisce', 'stinge', 'stingere', 'temperatura di lavaggio', 'candeggina', 'cura del cuoio', 'trattamento pelle', 'istruzioni per la cura', 'come mantenerlo', 'come trattarlo', 'ristretto in lavatrice', 'diventato nero', 'diventata nera', 'diventata scura', 'si è annerito', 'si è annerita', 'togliere il calcare'],
  },
  {
    id: 'dimensions',
    en: ['dimensions', 'dimension', 'how big', 'width', 'height', 'depth', 'length', 'weight', 'heavy', 'weigh', 'fit through the door', 'specifications', 'specs', 'technical details', 'datasheet', 'how tall', 'how wide', 'how deep', 'how heavy', 'capacity', 'volume', 'litres', 'liters', 'seat height', 'package dimensions', 'box size', 'parcel size', 'size of the box', 'fit in my car', 'fit in the lift', 'diameter', 'thickness', 'how thick', 'cm', 'inches', 'mm', 'how many pages', 'number of pages', 'page count', 'product dimensions'],
    it: ['dimensioni', 'dimensione', 'quanto è grande', 'larghezza', 'altezza', 'profondità', 'lunghezza', 'peso', 'pesante', 'quanto pesa', 'specifiche', 'specifiche tecniche', 'scheda tecnica', 'caratteristiche tecniche', 'caratteristiche', 'quanto è alto', 'quanto è largo', 'quanto è profondo', 'quanto misura', 'misure del prodotto', 'capacità', 'capienza', 'litri', 'diametro', 'spessore', 'altezza seduta', 'dimensioni del pacco', 'dimensioni della scatola', 'peso del pacco', 'centimetri', 'cm', 'pollici', 'quante pagine', 'numero di pagine', 'misure esatte', 'quanto spazio occupa'],
  },
  {
    id: 'bundle',
    en: ['bundle', 'bundles', 'bundle deal', 'set', 'sets', 'multipack', 'multi-pack', 'kit', 'box set', 'gift set bundle', 'value pack', 'buy together', 'bundle offer'],
    it: ['kit', 'confezione multipla', 'multipack', 'pacchetto combinato', 'confezione risparmio', 'cofanetto risparmio', 'set regalo', 'confezione convenienza', 'acquistati insieme', 'offerta bundle', 'bundle', 'set completo'],
  },
  {
    id: 'colour',
    en: ['colour', 'color', 'colours', 'colors', 'shade', 'shades', 'colour accuracy', 'looks different', 'different from the photo', 'shade match', 'what colours', 'colour options', 'color options', 'colours available', 'colors available', 'other colours', 'other colors', 'true colour', 'colour in real life', 'in real life', 'photo accurate', 'lighter than', 'darker than', 'shade finder', 'foundation shade', 'shade range', 'undertone', 'colour chart'],
    it: ['colore', 'colori', 'tonalità', 'sfumatura', 'nuance', 'diverso dalla foto', 'colore reale', 'altri colori', 'colori disponibili', 'in che colori', 'colorazione', 'colorazioni', 'varianti di colore', 'più scuro', 'tonalità fondotinta', 'trovare la tonalità', 'sottotono', 'cartella colori', 'colore vero', 'diverso dalle foto', 'come in foto'],
  },
  {
    id: 'origin',
    en: ['country of origin', 'made in italy', 'made in the uk', 'where is it made', 'manufactured', 'manufacturer', 'sourced', 'sourcing', 'handmade', 'handcrafted', 'artisan', 'produced', 'made in china', 'where is it produced', 'where are they made', 'locally made', 'locally sourced', 'british made', 'italian made', 'produced in italy'],
    it: ['origine', 'provenienza', 'made in italy', 'prodotto in italia', 'fatto in italia', 'fabbricato', 'produttore', 'artigianale', 'artigianali', 'fatto a mano', 'artigiano', 'filiera', 'prodotto in cina', 'produzione italiana', 'produzione locale', 'km zero', 'chilometro zero', 'provenienza della materia prima', 'igp', 'doc', 'docg'],
  },
  {
    id: 'allergens',
    en: ['allergens', 'allergen', 'allergy', 'allergies', 'allergic', 'gluten', 'gluten free', 'gluten-free', 'nuts', 'nut free', 'peanuts', 'lactose', 'lactose free', 'dairy', 'dairy free', 'coeliac', 'celiac', 'intolerance', 'egg', 'eggs', 'soy', 'soya', 'sesame', 'shellfish', 'fish allergy', 'tree nuts', 'cross contamination', 'wheat', 'wheat free', 'celery', 'mustard', 'lupin', 'sulphites', 'sulfites', 'nut traces', 'nut allergy', 'egg free', 'allergen information', 'coeliac safe'],
    it: ['allergeni', 'allergene', 'allergia', 'allergie', 'allergico', 'allergica', 'glutine', 'senza glutine', 'celiaco', 'celiaci', 'celiachia', 'lattosio', 'senza lattosio', 'frutta a guscio', 'arachidi', 'intolleranza', 'intolleranze', 'può contenere tracce', 'uova', 'uovo', 'sesamo', 'crostacei', 'molluschi', 'contaminazione', 'contaminazione crociata', 'senape', 'lupini', 'solfiti', 'frumento', 'allergia alla frutta', 'allergia alle noci', 'senza uova', 'adatto ai celiaci', 'tabella allergeni'],
  },
  {
    id: 'ingredients',
    en: ['ingredients', 'ingredient', 'contains', 'nutrition', 'nutritional information', 'nutritional values', 'nutrition facts', 'calories', 'inci', 'additives', 'preservatives', 'sugar', 'full ingredients', 'ingredients list', 'ingredient list', 'list of ingredients', 'nutrition label', 'nutritional info', 'macros', 'protein', 'fat content', 'salt', 'caffeine', 'alcohol content', 'abv', 'parabens', 'paraben free', 'sulphates', 'sulfate free', 'silicones', 'natural ingredients', 'chemicals', 'active ingredients'],
    it: ['ingredienti', 'ingrediente', 'contiene', 'valori nutrizionali', 'tabella nutrizionale', 'calorie', 'inci', 'additivi', 'zucchero', 'zuccheri', 'etichetta nutrizionale', 'lista ingredienti', 'elenco ingredienti', 'cosa contiene', 'proteine', 'grassi', 'caffeina', 'gradazione alcolica', 'parabeni', 'senza parabeni', 'siliconi', 'ingredienti naturali', 'principi attivi', 'principio attivo', 'composizione inci'],
  },
  {
    id: 'dietary',
    en: ['vegan', 'vegetarian', 'halal', 'kosher', 'organic', 'bio', 'plant based', 'plant-based', 'palm oil', 'gmo', 'sugar free', 'keto', 'vegan friendly', 'suitable for vegans', 'suitable for vegetarians', 'low sugar', 'no added sugar', 'sugar-free', 'low carb', 'paleo', 'diabetic', 'diabetics', 'no palm oil', 'non-gmo', 'organic certified', 'certified organic', 'vegan cosmetics'],
    it: ['vegano', 'vegana', 'vegani', 'vegetariano', 'vegetariana', 'biologico', 'biologica', 'bio', 'halal', 'kosher', 'olio di palma', 'ogm', 'senza zucchero', 'vegetale', 'adatto ai vegani', 'adatto ai vegetariani', 'senza zuccheri aggiunti', 'senza olio di palma', 'low carb', 'diabetici', 'per diabetici', 'chetogenico', 'keto', 'proteico', 'senza ogm', 'vegan', 'plant based', 'certificato biologico', 'da agricoltura biologica'],
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
    en: ['cruelty free', 'cruelty-free', 'tested on animals', 'animal testing', 'not tested on animals', 'leaping bunny', 'peta', 'animal friendly', 'animal tested'],
    it: ['cruelty free', 'testato su animali', 'test su animali', 'testati sugli animali', 'sperimentazione animale', 'non testato su animali', 'non testati sugli animali', 'senza crudeltà', 'test sugli animali'],
  },
  {
    id: 'skin-type',
    en: ['skin type', 'sensitive skin', 'oily skin', 'dry skin', 'combination skin', 'acne', 'patch test', 'dermatologically tested', 'skincare', 'nickel', 'nickel free', 'hypoallergenic', 'non-comedogenic', 'rosacea', 'eczema', 'mature skin', 'normal skin', 'hair type', 'curly hair', 'dry hair', 'oily hair', 'colour treated hair', 'suitable for my skin', 'skin reaction', 'irritation', 'breakout', 'breakouts'],
    it: ['tipo di pelle', 'pelle sensibile', 'pelle grassa', 'pelle secca', 'pelle mista', 'acne', 'dermatologicamente testato', 'skincare', 'cura della pelle', 'nichel', 'ipoallergenico', 'anallergico', 'nichel free', 'senza nichel', 'non comedogenico', 'pelle matura', 'pelle normale', 'pelle delicata', 'dermatite', 'eczema', 'rosacea', 'tipo di capelli', 'capelli ricci', 'capelli secchi', 'capelli grassi', 'capelli colorati', 'cuoio capelluto', 'irritazione', 'arrossamento', 'reazione allergica'],
  },
  {
    id: 'scent',
    en: ['scent', 'scents', 'fragrance', 'fragrances', 'smell', 'smells', 'perfume', 'unscented', 'fragrance free', 'smell like', 'what does it smell', 'fragrance notes', 'top notes', 'strong smell', 'eau de parfum', 'eau de toilette', 'edp', 'edt', 'aftershave', 'cologne', 'perfume longevity', 'scent strength'],
    it: ['profumo', 'profumi', 'fragranza', 'fragranze', 'odore', 'essenza', 'senza profumo', 'profumazione', 'che profumo ha', 'odora', 'puzza', 'cattivo odore', 'note olfattive', 'eau de parfum', 'eau de toilette', 'dopobarba', 'acqua di colonia', 'persistenza', 'intensità del profumo', 'quanto dura il profumo'],
  },
  {
    id: 'refill',
    en: ['refill', 'refills', 'refill pack', 'refill pouch', 'refillable', 'eco refill', 'replacement cartridge', 'cartridge', 'cartridges', 'pods', 'capsules', 'replacement heads', 'brush heads', 'ink cartridges', 'empty bottle', 'return empties', 'refill station', 'top up bottle'],
    it: ['refill', 'formato refill', 'confezione refill', 'flacone ricaricabile', 'ricarica profumo', 'ricariche profumo', 'vuoto a rendere', 'cartucce', 'cartuccia', 'capsule', 'cialde', 'testine di ricambio', 'testine', 'sfuso', 'ricarica eco'],
  },
  {
    id: 'expiry',
    en: ['expiry', 'expiry date', 'expiration', 'expiration date', 'expire', 'expires', 'expired', 'valid until', 'validity', 'shelf life', 'how long it lasts', 'valid for', 'best before date', 'bb date', 'period after opening', 'pao', 'use by date', 'use-by date', 'sell by date', 'best by date', 'bbe', 'out of date', 'short dated', 'short date', 'long dated', 'close to expiry', 'near expiry', 'how fresh', 'freshness', 'expires soon', 'date on the pack', 'batch number', 'goes off', 'go off'],
    it: ['scadenza', 'data di scadenza', 'scade', 'scadere', 'scaduto', 'scaduta', 'validità', 'valido fino', 'valido per', 'da consumarsi entro', 'preferibilmente entro', 'conservabilità', 'tmc', 'quanto dura', 'pao', "periodo dopo l'apertura", 'scadenza breve', 'scadenza ravvicinata', 'scadenza lunga', 'a breve scadenza', 'prossimo alla scadenza', 'scade presto', 'quanto si conserva', 'freschezza', 'lotto', 'numero di lotto', 'data di produzione', 'quanto dura aperto', 'scadenza lontana', 'andare a male', 'va a male', 'quanto si mantiene'],
  },
  {
    id: 'storage',
    en: ['storage', 'how to store', 'refrigerate', 'refrigerated', 'fridge', 'freezer', 'freeze', 'frozen', 'room temperature', 'keep cool', 'keep refrigerated', 'once opened', 'keep in the fridge', 'store in the fridge', 'does it need refrigerating', 'refrigeration', 'keep frozen', 'how to keep', 'where to store', 'airtight', 'away from sunlight', 'dry place', 'cool dry place', 'can i freeze'],
    it: ['conservazione', 'conservare', 'conservato', 'come conservare', 'frigo', 'frigorifero', 'congelare', 'congelatore', 'surgelato', 'surgelati', 'temperatura ambiente', 'luogo fresco', "dopo l'apertura", 'una volta aperto', 'tenere in frigo', 'va in frigo', 'va conservato', 'conservarlo', 'sottovuoto', 'barattolo ermetico', 'ermetico', 'al riparo dalla luce', 'luogo asciutto', 'in dispensa', 'dispensa', 'congelabile', 'si può congelare', 'come tenerlo'],
  },
  {
    id: 'cold-chain',
    en: ['cold chain', 'chilled', 'chilled delivery', 'insulated', 'insulated box', 'ice packs', 'ice pack', 'perishable', 'perishables', 'fresh food', 'melt', 'heat', 'will it melt', 'melting', 'melted', 'hot weather', 'summer heat', 'heatwave', 'temperature during delivery', 'kept cold', 'stay cold', 'stays cold', 'ice', 'dry ice', 'cool bag', 'cool box', 'chilled items', 'frozen food delivery', 'chocolate in summer', 'arrived warm', 'warm on arrival', 'fresh produce', 'temperature controlled'],
    it: ['catena del freddo', 'refrigerato', 'refrigerata', 'borsa termica', 'imballo termico', 'ghiaccio', 'siberini', 'deperibile', 'deperibili', 'prodotti freschi', 'freschi', 'sciogliere', 'caldo', 'si scioglie', 'sciolto', 'cioccolato sciolto', 'ondata di calore', 'arrivato caldo', 'ghiaccio secco', 'box refrigerato', 'consegna refrigerata', 'temperatura controllata', 'mantenere il freddo', 'spedizioni estive', 'con il caldo', 'cioccolato in estate', 'prodotti deperibili', 'merce deperibile'],
  },
  {
    id: 'age-restriction',
    en: ['age verification', 'age restriction', 'age restricted', 'proof of age', 'alcohol', 'adults only', 'age check', 'minimum age', 'alcoholic drinks', 'alcoholic', 'spirits', 'underage', 'legal age', 'knives', 'blades', 'vape', 'vapes', 'e-cigarettes', 'old enough', 'too young', 'age limit', 'how old', 'buy alcohol', 'alcohol delivery', 'under age'],
    it: ['maggiorenne', 'maggiore età', 'verifica età', "verifica dell'età", 'alcolici', 'alcol', 'età minima', "documento d'identità", 'solo adulti', 'minorenni', 'minorenne', 'vendita di alcolici', 'superalcolici', 'bevande alcoliche', 'verifica documento', 'coltelli', 'lame', 'sigarette elettroniche', 'svapo', 'vietato ai minori', 'troppo giovane', 'limite di età', 'vendita alcol', 'comprare alcolici'],
  },
  {
    id: 'prescription',
    en: ['prescription', 'prescriptions', 'prescription only', 'prescription medicine', "doctor's prescription", 'repeat prescription', 'nhs prescription', 'private prescription', 'upload prescription', 'upload my prescription', 'pom', 'over the counter', 'otc', 'otc medicines', 'without a prescription', 'prescription drugs', "doctor's note", 'doctor note', 'doctor', 'gp', 'prescribed'],
    it: ['ricetta medica', 'prescrizione', 'prescrizione medica', 'ricetta elettronica', 'ricetta dematerializzata', 'ricetta bianca', 'ricetta ripetibile', 'nre', 'codice nre', 'farmaco con ricetta', 'obbligo di ricetta', 'serve la ricetta', 'senza ricetta', 'sop', 'otc', 'farmaci da banco', 'farmaci senza ricetta', 'caricare la ricetta', 'medico', 'medico di base', 'prescritto', 'prescritta', 'dal medico'],
  },
  {
    id: 'dosage',
    en: ['dosage', 'dose', 'doses', 'how many to take', 'how often to take', 'tablets a day', 'how to take', 'how much to take', 'daily dose', 'maximum dose', 'take with food'],
    it: ['posologia', 'dosaggio', 'dose', 'dosi', 'quante compresse', 'quante volte al giorno', 'compresse al giorno', "modo d'uso", 'come si assume', 'come assumere', 'assumere', 'dose giornaliera', 'dose massima', 'prima dei pasti', 'dopo i pasti', 'a stomaco vuoto'],
  },
  {
    id: 'pregnancy',
    en: ['pregnant', 'pregnancy', 'breastfeeding', 'while pregnant', 'expecting a baby', 'nursing mother', 'breast feeding', 'trying to conceive'],
    it: ['gravidanza', 'in gravidanza', 'incinta', 'allattamento', 'allatto', 'sto allattando', 'allattare', 'in dolce attesa', 'aspetto un bambino'],
  },
  {
    id: 'medicine-info',
    en: ['side effects', 'side effect', 'interactions', 'drug interactions', 'contraindications', 'patient leaflet', 'information leaflet', 'leaflet', 'pharmacist', 'ask a pharmacist', 'speak to a pharmacist', 'pharmacist advice', 'other medicines', 'mix with alcohol'],
    it: ['effetti collaterali', 'effetti indesiderati', 'controindicazioni', 'bugiardino', 'foglietto illustrativo', 'parlare con il farmacista', 'consiglio del farmacista', 'altri farmaci', 'insieme ad altri farmaci', 'interazioni con farmaci', 'interazioni farmacologiche', 'chiedere al farmacista'],
  },
  {
    id: 'samples',
    en: ['sample', 'samples', 'free samples', 'swatch', 'swatches', 'fabric sample', 'fabric samples', 'tester', 'testers', 'trial size', 'travel size', 'sample size', 'mini size', 'minis', 'try a sample', 'sample pack', 'colour sample', 'material sample', 'free swatches', 'order a swatch', 'fabric swatch', 'discovery set', 'perfume sample'],
    it: ['campione', 'campioni', 'campioncino', 'campioncini', 'campioni gratuiti', 'campione di tessuto', 'campioni di tessuto', 'tester', 'formato viaggio', 'mini taglia', 'campione omaggio', 'mazzetta colori', 'campionario', 'campione colore', 'formato mini', 'minitaglia', 'kit prova', 'discovery set', 'provare un campione', 'ricevere campioni', 'campione di profumo', 'campione gratis'],
  },
  {
    id: 'assembly',
    en: ['assembly', 'assemble', 'assembled', 'assembling', 'put together', 'flat pack', 'flat-pack', 'flatpack', 'self assembly', 'assembly service', 'assembly instructions', 'screws', 'tools needed', 'build it', 'need assembling', 'needs assembling', 'needs assembly', 'come assembled', 'arrive assembled', 'pre-assembled', 'preassembled', 'ready assembled', 'fully assembled', 'easy to assemble', 'assembly video', 'allen key', 'hex key', 'diy', 'build instructions', 'building instructions', 'assembly time', 'hard to assemble', 'do you assemble', 'assemble it for me', 'bike assembly', 'put it together', 'arrives assembled', 'already assembled'],
    it: ['montaggio', 'montare', 'montato', 'montata', 'assemblaggio', 'assemblare', 'assemblato', 'da montare', 'già montato', 'istruzioni di montaggio', 'servizio di montaggio', 'viti', 'kit di montaggio', 'attrezzi', 'già assemblato', 'arriva montato', 'arriva già montato', 'va montato', 'da assemblare', 'facile da montare', 'montaggio incluso', 'montaggio compreso', 'montaggio a domicilio', 'chiave a brugola', 'brugola', 'istruzioni per il montaggio', 'libretto di montaggio', 'tempo di montaggio', 'montaggio difficile', 'me lo montate', 'montaggio bici', 'arriva già assemblato', 'arriva assemblato', 'arriva montato già'],
  },
  {
    id: 'installation',
    en: ['installation', 'install', 'installed', 'installing', 'installer', 'wall mount', 'wall mounting', 'mount on the wall', 'plumbing', 'plumbed in', 'connect the appliance', 'fitting service', 'installation service', 'install it for me', 'plumb in', 'hook up', 'hooked up', 'professional installation', 'installation cost', 'mount the tv', 'tv mounting', 'wall bracket'],
    it: ['installazione', 'installare', 'installato', 'installata', 'installatore', 'tecnico installatore', 'allaccio', 'allacciamento', 'montaggio a parete', 'fissare al muro', 'collegamento', 'messa in funzione', 'installazione a domicilio', 'servizio di installazione', 'costo installazione', 'allacciare', 'collegare la lavatrice', 'montaggio tv', 'staffa a muro', 'tecnico a domicilio', 'installarlo', 'me lo installate'],
  },
  {
    id: 'sustainability',
    en: ['sustainable', 'sustainability', 'eco-friendly', 'eco friendly', 'environmentally friendly', 'environment', 'plastic free', 'plastic-free', 'recyclable packaging', 'carbon neutral', 'compostable', 'recycled materials', 'eco', 'carbon footprint', 'ethical', 'ethically made', 'fair trade', 'fairtrade', 'b corp'],
    it: ['sostenibile', 'sostenibilità', 'ecologico', 'ecologica', 'ecosostenibile', 'ambiente', 'impatto ambientale', 'plastic free', 'senza plastica', 'imballaggio riciclabile', 'compostabile', 'materiali riciclati', 'eco', 'impronta di carbonio', 'etico', 'etica', 'commercio equo', 'equo solidale', 'b corp'],
  },
  {
    id: 'packaging',
    en: ['packing', 'packed', 'how is it packed', 'packaging materials', 'well packed', 'protective packaging', 'bubble wrap', 'box it comes in', 'outer box', 'packed well', 'secure packaging', 'fragile'],
    it: ['imballaggio', 'imballaggi', 'imballo', 'imballato', 'confezione', 'confezionato', 'come è imballato', 'pluriball', 'packaging', 'come viene imballato', 'ben imballato', 'imballo sicuro', 'fragile', 'scatola esterna', 'imballaggio sicuro'],
  },
  {
    id: 'discreet-packaging',
    en: ['discreet', 'discreet packaging', 'plain packaging', 'plain box', 'unbranded', 'no logo', 'anonymous'],
    it: ['discreto', 'discreta', 'pacco anonimo', 'confezione anonima', 'anonimo', 'senza logo', 'imballo neutro'],
  },
  {
    id: 'digital-product',
    en: ['ebook', 'ebooks', 'kindle', 'digital download', 'download the ebook', 'pdf', 'epub', 'audiobook', 'digital copy', 'digital version', 'download link', 'ebook download', 'digital edition', 'audio book', 'listen online', 'read online', 'kindle edition', 'read on kindle', 'on my kindle', 'e-reader', 'ereader', 'kobo'],
    it: ['ebook', 'e-book', 'libro digitale', 'pdf', 'epub', 'audiolibro', 'formato digitale', "scaricare l'ebook", 'versione digitale', 'copia digitale', 'link per scaricare', 'link di download', 'scaricare il libro', 'edizione digitale', 'libro elettronico', 'kindle', 'audiolibri', 'leggere online', 'leggere sul kindle', 'e-reader', 'ereader', 'kobo'],
  },
  {
    id: 'book-edition',
    en: ['edition', 'editions', 'isbn', 'hardback', 'hardcover', 'paperback', 'signed copy', 'first edition', 'author', 'publisher', 'english edition', 'italian edition', 'original language', 'large print', 'which edition', 'illustrated edition', 'signed by the author', 'book signing'],
    it: ['edizione', 'edizioni', 'isbn', 'copertina rigida', 'copertina flessibile', 'tascabile', 'copia autografata', 'autografata', 'prima edizione', 'traduzione', 'autore', 'editore', 'edizione inglese', 'edizione italiana', 'lingua originale', 'in lingua originale', 'caratteri grandi', 'quale edizione', 'edizione illustrata', "firmato dall'autore", "dedica dell'autore", 'firmacopie', 'casa editrice'],
  },
  {
    id: 'school-books',
    en: ['school books', 'textbooks', 'textbook', 'school list', 'book list', 'reading list', 'school book list', 'books for school', 'school reading list'],
    it: ['libri scolastici', 'libri di scuola', 'testi scolastici', 'adozioni', 'cedola libraria', 'cedole librarie', 'lista dei libri', 'lista della scuola', 'lista scolastica', 'libri per la scuola', 'testi della scuola'],
  },

  // ---------------------------------------------------------------- website, privacy, legal
  {
    id: 'privacy',
    en: ['privacy', 'privacy policy', 'personal data', 'data protection', 'gdpr', 'my data', 'share my data', 'cookie policy', 'cookies policy', 'cookie settings', 'data processing', 'use my data', 'sell my data', 'data sharing', 'third parties', 'tracking cookies', 'gdpr request', 'consent', 'data security', 'who sees my data', 'how you use data'],
    it: ['privacy', 'informativa privacy', 'informativa sulla privacy', 'dati personali', 'protezione dei dati', 'trattamento dei dati', 'gdpr', 'cookie policy', 'informativa cookie', 'cookie', 'consenso', 'riservatezza', 'uso dei dati', 'cedere i dati', 'terze parti', 'richiesta gdpr', 'protezione dati', 'vendete i miei dati', 'dati sensibili', 'trattamento dati', 'come usate i dati'],
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
    en: ['website not working', 'site not working', 'error message', 'error', 'bug', 'glitch', 'page not loading', "won't load", 'crash', 'crashes', 'technical problem', 'technical issue', "website won't load", 'page keeps crashing', 'blank page', 'page error', 'error 404', 'site down', 'website down', 'not loading', 'loading forever', 'button not working', 'site is slow', 'website broken'],
    it: ['sito non funziona', 'errore', 'messaggio di errore', 'bug', 'pagina non si carica', 'non si carica', 'si blocca', 'sito bloccato', 'problema tecnico', 'malfunzionamento del sito', 'sito non va', 'sito lento', 'sito in errore', 'pagina bianca', 'pagina non trovata', 'errore 404', 'il sito non carica', 'non si apre', 'pulsante non funziona', 'tasto non funziona', 'sito irraggiungibile', 'sito non raggiungibile'],
  },
  {
    id: 'app',
    en: ['app', 'mobile app', 'apps', 'iphone app', 'android app', 'ios', 'android', 'app store', 'google play'],
    it: ['app', 'applicazione', 'applicazione mobile', 'app per iphone', 'app android', 'ios', 'android', 'app store', 'google play'],
  },
  {
    id: 'language',
    en: ['language', 'languages', 'change language', 'in english', 'in italian', 'english version', 'italian version', 'translate', 'speak english', 'english speaking', 'speak italian', 'italian speaking'],
    it: ['lingua', 'lingue', 'cambiare lingua', 'in inglese', 'versione inglese', 'versione italiana', 'tradurre', 'lingua italiana', 'parlate inglese', 'parla inglese', 'in lingua inglese', 'parlate italiano', 'sito in inglese'],
  },
];
