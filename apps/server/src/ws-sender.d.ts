/**
 * ws's frame encoder (`Sender.frame`, exported by ws but not declared by @types/ws): the hub
 * encodes each outgoing frame once with it and writes the bytes to every subscriber.
 */
import 'ws';

declare module 'ws' {
  export class Sender {
    /** The frame's header, then the payload (one buffer when masking merged them). */
    static frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }): Buffer[];
  }
}
