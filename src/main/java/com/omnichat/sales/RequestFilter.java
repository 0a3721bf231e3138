package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the Requests section. {@code stageId} wins over {@code activeOnly};
 * {@code search} matches the title, the client's name, phone or e-mail, or the exact number.
 */
public record RequestFilter(
        boolean activeOnly,
        @Nullable Long stageId,
        @Nullable Long responsibleId,
        @Nullable String search) {

    public static RequestFilter all() {
        return new RequestFilter(false, null, null, null);
    }
}
