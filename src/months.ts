/** The months in English, as written in full or cut short: for dates in plain text (the reader's lines, the outline's date lines). */
export const ENGLISH_MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
