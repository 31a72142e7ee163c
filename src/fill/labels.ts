/** The words templates print around the content, per language. */
const LABELS = {
  en: {
    keyPoints: 'Key points',
    page: 'Page',
    of: 'of',
    version: 'Version',
    reviewed: 'Reviewed',
    audience: 'For',
    contents: 'Contents',
    handouts: 'Handouts',
    summaryTitle: 'Handouts at a glance',
    title: 'Title',
    language: 'Language',
    pages: 'Pages',
    words: 'Words',
    keyTerms: 'Key terms',
    notes: 'Notes',
    name: 'Name',
    wordsToKnow: 'Words to know',
    nextReview: 'Next review',
    readingGrade: 'Reading grade',
    reviewStatus: 'Review',
    linksInHandout: 'Links in this handout',
    contact: 'Contact',
    readOnline: 'Read this handout online',
    qrCode: 'QR code to the web copy of this handout',
    /** The label of each kind of callout (a GitHub alert, an admonition: src/parse/dialects.ts). */
    callouts: {
      note: 'Note', info: 'Information', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution', danger: 'Danger',
      summary: 'Summary', success: 'Success', question: 'Question', failure: 'Failure', bug: 'Bug', example: 'Example', quote: 'Quote',
    },
  },
  es: {
    keyPoints: 'Puntos clave',
    page: 'Página',
    of: 'de',
    version: 'Versión',
    reviewed: 'Revisado',
    audience: 'Para',
    contents: 'Contenido',
    handouts: 'Folletos',
    summaryTitle: 'Resumen de los folletos',
    title: 'Título',
    language: 'Idioma',
    pages: 'Páginas',
    words: 'Palabras',
    keyTerms: 'Términos clave',
    notes: 'Notas',
    name: 'Nombre',
    wordsToKnow: 'Palabras que conviene saber',
    nextReview: 'Próxima revisión',
    readingGrade: 'Nivel de lectura',
    reviewStatus: 'Revisión',
    linksInHandout: 'Enlaces de este folleto',
    contact: 'Contacto',
    readOnline: 'Lea este folleto en línea',
    qrCode: 'Código QR de la copia en línea de este folleto',
    callouts: {
      note: 'Nota', info: 'Información', tip: 'Consejo', important: 'Importante', warning: 'Advertencia', caution: 'Precaución', danger: 'Peligro',
      summary: 'Resumen', success: 'Logrado', question: 'Pregunta', failure: 'Fallo', bug: 'Error', example: 'Ejemplo', quote: 'Cita',
    },
  },
};

export type Labels = (typeof LABELS)['en'];

export function labelsFor(lang: string): Labels {
  const base = lang.toLowerCase().split('-')[0];
  return (LABELS as Record<string, Labels>)[base] ?? LABELS.en;
}
