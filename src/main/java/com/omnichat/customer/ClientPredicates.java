package com.omnichat.customer;

/**
 * The customer module's published SQL predicates over its own tables, for other modules'
 * list statements that must filter by client in the same statement (a list of client ids
 * would be unbounded: a channel has many thousands of clients). Only these fragments know
 * the client tables; callers name the column holding the client id and their parameter.
 */
public final class ClientPredicates {

    /** Same expression as the trigram index client_search_idx (V6). */
    private static final String SEARCH_TEXT = "lower(c.name || ' ' || coalesce(c.nickname, '') || ' '"
            + " || coalesce(c.phone, '') || ' ' || coalesce(c.email, ''))";

    private ClientPredicates() {}

    /**
     * The client has an identity on one of the channels in the {@code bigint[]} parameter
     * {@code channelsParam}: the access rule of the client card.
     */
    public static String reachableThrough(String clientIdColumn, String channelsParam) {
        return "exists (select 1 from client_identity ci where ci.client_id = " + clientIdColumn
                + " and ci.channel_id = any(:" + channelsParam + "))";
    }

    /**
     * The client's name, nickname, phone or e-mail is LIKE the parameter {@code searchParam}
     * (lower-case, escaped with a backslash: {@code base.Sql}).
     */
    public static String matches(String clientIdColumn, String searchParam) {
        return clientIdColumn + " in (select c.id from client c where " + SEARCH_TEXT + " like :" + searchParam
                + " escape '\\')";
    }

    /** {@link #matches} for a statement that reads {@code client c} itself. */
    static String matchesRow(String searchParam) {
        return SEARCH_TEXT + " like :" + searchParam + " escape '\\'";
    }
}
