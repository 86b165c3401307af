// A small vocabulary in the shape of /api/facts, for the tests.
const tr = (en) => ({ en, nl: `nl ${en}`, fr: `fr ${en}` });

export const FACTS = [
  { name: 'victim.age', type: 'int', label: tr('Age of the person shown'), question: tr('How old?'), sensitivity: 1, min: 0, max: 130 },
  { name: 'victim.minor', type: 'bool', label: tr('Minor'), question: tr('A minor?'), sensitivity: 1, derived: true },
  { name: 'victim.consent_sharing', type: 'bool', label: tr('Consent to sharing'), question: tr('Consent?'), sensitivity: 3 },
  { name: 'acts', type: 'set', label: tr('Acts'), question: tr('What was done?'), sensitivity: 1,
    values: [{ value: 'create', label: tr('created') }, { value: 'share', label: tr('shared') }, { value: 'publish', label: tr('published') }] },
  { name: 'image.technique', type: 'enum', label: tr('Technique'), question: tr('How was it made?'), sensitivity: 0,
    values: [{ value: 'photo', label: tr('photo') }, { value: 'undress', label: tr('undress app') }, { value: 'deepfake', label: tr('deepfake') },
      { value: 'drawing', label: tr('drawing') }, { value: 'other', label: tr('other') }] },
  { name: 'image.realistic', type: 'bool', label: tr('Realistic'), question: tr('Realistic?'), sensitivity: 0 },
  { name: 'offence_date', type: 'date', label: tr('Date of the act'), question: tr('When?'), sensitivity: 0 },
];

export const FACT_BY_NAME = new Map(FACTS.map((f) => [f.name, f]));

export const question = (fact, extra = {}) => ({ fact, question: `Q ${fact}?`, sensitivity: 0, decides: ['r1'], ...extra });
