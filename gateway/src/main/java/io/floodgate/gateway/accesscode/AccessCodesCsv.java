package io.floodgate.gateway.accesscode;

import io.floodgate.contracts.accesscode.AccessCodes;

import java.util.Collection;

/**
 * Codes as CSV for a mail merge (RFC 4180, CRLF): a header, then one row per code, grouped for
 * typing. Sale ids and codes never need quoting (letters, digits and dashes).
 */
public final class AccessCodesCsv {
    public static final String HEADER = "sale_id,access_code";

    private AccessCodesCsv() {
    }

    public static String of(String saleId, Collection<String> codes) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (String code : codes) {
            csv.append(saleId).append(',').append(AccessCodes.grouped(code)).append("\r\n");
        }
        return csv.toString();
    }
}
