package org.creditledger.catalogue.command;

import java.util.regex.Pattern;

/**
 * Whether a legal basis names a document, as a local supplement must (国办发〔2020〕49号: 地方性法规 or higher): a
 * title in 《》, or a document number — 发文字号 with its year in 〔〕 (also written [] or ()) and a number, or an
 * order number such as 令第44号. "依据有关规定" names none.
 */
final class LegalBasis {

    private static final Pattern TITLE = Pattern.compile("《[^《》]{2,}》");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[〔\\[(（]\\d{4}[〕\\])）]\\s*第?\\d+\\s*号");
    private static final Pattern ORDER_NUMBER = Pattern.compile("令\\s*第?\\s*\\d+\\s*号");

    private LegalBasis() {
    }

    static boolean namesADocument(String legalBasis) {
        return TITLE.matcher(legalBasis).find() || DOCUMENT_NUMBER.matcher(legalBasis).find()
                || ORDER_NUMBER.matcher(legalBasis).find();
    }
}
