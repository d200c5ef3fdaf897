// Invented coverage of an invented event (a harbour flood in the town of Veltmark) by four
// invented outlets, written to exercise quote linking: whole, split, fragmentary and lightly
// edited versions of the same statements, plus different statements that share phrasing.

export const COURIER = [
  'Veltmark counts the cost as floodwater recedes',
  '',
  'VELTMARK — Mayor Ilsa Brandvold walked the ruined lower quay on Saturday morning.',
  '"We will rebuild the lower quay before the ferries return in spring. The town cannot survive another season without its harbour, and nobody in this council will pretend otherwise," Brandvold said.',
  'Harbour Minister Tomas Kerrigan promised money. "The national fund will cover the pumps, the walls and the families who lost their homes," Kerrigan said. He called the town "isolated" for a week.',
  'Residents described the surge as "unprecedented".',
  'Brandvold later spoke at the school: "The harbour is the heart of this town and we will fight for every metre of it, whatever the engineers decide."',
].join('\n');

export const WIRE = [
  'Veltmark mayor vows to rebuild quay by spring',
  '',
  '"We will rebuild the lower quay before the ferries return in spring," Brandvold said. "The town cannot survive another season without its harbour."',
  'Kerrigan told reporters the fund would cover "the families who lost their homes". He said Veltmark had been "isolated" since Tuesday.',
  'Engineers said the overnight rise was "unprecedented".',
].join('\n');

export const POST = [
  'Engineer warns against spring reopening',
  '',
  'Brandvold said the town "cannot survive another season without its harbour".',
  'Dr Anneli Sorvik, who led the survey, disagreed. "The lower quay was never built for a storm like this, and the ferries should not return in spring until the walls are tested," Sorvik said.',
  'Brandvold, she said, was "isolated" on the question.',
].join('\n');

export const EASTBAY = [
  'Mayor: quay rebuilt before ferries',
  '',
  '"We will rebuild lower quay before ferries return in spring," Mayor Ilsa Brandvold told reporters.',
  '"The national fund will cover pumps, walls and the families that lost their homes," Minister Tomas Kerrigan said.',
  'At a packed meeting, Brandvold said: "Everyone here knows the harbour is the heart of this town, so the harbour tax has to go before the summer."',
].join('\n');

export const OUTLETS: Record<string, string> = {
  'northgate-courier.txt': COURIER,
  'lakeside-wire.txt': WIRE,
  'valley-post.article': POST,
  'eastbay-times.txt': EASTBAY,
};
