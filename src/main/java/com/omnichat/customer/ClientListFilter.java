package com.omnichat.customer;

/**
 * The Clients section's filter: buyers only or leads too, and a contains-search over name,
 * nickname, phone and e-mail (blank: everyone).
 */
public record ClientListFilter(String search, boolean includeLeads) {

    public ClientListFilter {
        search = search == null ? "" : search.strip();
    }

    public static ClientListFilter buyers() {
        return new ClientListFilter("", false);
    }
}
