package com.omnichat.sales;

import java.util.List;
import java.util.Map;

/** Predicates joined with "and", with their named parameters. */
record Where(List<String> predicates, Map<String, Object> params) {

    void add(String predicate) {
        predicates.add(predicate);
    }

    String sql() {
        return predicates.isEmpty() ? "true" : String.join(" and ", predicates);
    }
}
