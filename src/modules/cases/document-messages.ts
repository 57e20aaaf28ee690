import { MAX_DOCUMENT_BYTES } from '../../domain/casework/document-file.ts';

const MIB = MAX_DOCUMENT_BYTES / (1024 * 1024);

/** Field messages of case documents, passed to AppError as { nl, en } objects. */
export const DOCUMENT_MESSAGES = {
  too_large: {
    nl: `Het bestand is groter dan ${MIB} MB.`,
    en: `The file is larger than ${MIB} MB.`,
  },
  empty: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  file_missing: { nl: 'Kies een bestand.', en: 'Choose a file.' },
  one_file: { nl: 'Stuur één bestand tegelijk.', en: 'Send one file at a time.' },
  unexpected_field: {
    nl: 'Dit veld hoort niet bij een upload.',
    en: 'This field does not belong to an upload.',
  },
  category_invalid: {
    nl: 'Kies een informatiecategorie: team, organisatie, justitie of zorg.',
    en: 'Choose an information category: team, organisation, justice or health.',
  },
  type_not_allowed: {
    nl: 'Dit soort bestand kan niet worden toegevoegd. Toegestaan: PDF, PNG, JPEG, platte tekst, DOCX en ODT.',
    en: 'This kind of file cannot be added. Allowed: PDF, PNG, JPEG, plain text, DOCX and ODT.',
  },
  name_does_not_match: {
    nl: 'De bestandsnaam past niet bij de inhoud (bijvoorbeeld een ander bestand dat .pdf heet).',
    en: 'The file name does not match the content (for example another file named .pdf).',
  },
  not_multipart: {
    nl: 'Stuur het bestand als multipart/form-data.',
    en: 'Send the file as multipart/form-data.',
  },
  not_allowed_to_remove: {
    nl: 'Alleen wie het document toevoegde of de regisseur kan het verwijderen.',
    en: 'Only the person who added the document or the coordinator can remove it.',
  },
} as const;
