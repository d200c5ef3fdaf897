// Encoding damage in plain-text articles: mojibake, replacement characters, control
// characters and invisible format characters, with repairs.
export { mojibakeRule } from './mojibakeRule';
export { replacementCharacterRule } from './replacementCharacterRule';
export { controlCharacterRule } from './controlCharacterRule';
export { invisibleCharacterRule } from './invisibleCharacterRule';
export { repairEncoding, type EncodingRepair } from './repairEncoding';
export { readableView, type ReadableView } from './readableView';

import type { Rule } from '../types';
import { mojibakeRule } from './mojibakeRule';
import { replacementCharacterRule } from './replacementCharacterRule';
import { controlCharacterRule } from './controlCharacterRule';
import { invisibleCharacterRule } from './invisibleCharacterRule';

export const encodingRules: readonly Rule[] = [mojibakeRule, replacementCharacterRule, controlCharacterRule, invisibleCharacterRule];
