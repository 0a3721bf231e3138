package com.omnichat.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A WHERE clause built from predicates joined with "and", with their named parameters. */
public final class Where {

    private final List<String> predicates = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    public Where add(String predicate) {
        predicates.add(predicate);
        return this;
    }

    /** A predicate with its one named parameter. */
    public Where add(String predicate, String name, Object value) {
        predicates.add(predicate);
        params.put(name, value);
        return this;
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The parameters to bind (modifiable: page limits and the like go in here too). */
    public Map<String, Object> params() {
        return params;
    }

    /** The predicates joined with "and"; "true" when there are none. */
    public String sql() {
        return predicates.isEmpty() ? "true" : String.join(" and ", predicates);
    }

    /** {@link #sql} with the first predicate replaced (a query run once per value of that one). */
    public String sqlWithFirst(String predicate) {
        List<String> replaced = new ArrayList<>(predicates);
        replaced.set(0, predicate);
        return String.join(" and ", replaced);
    }
}
