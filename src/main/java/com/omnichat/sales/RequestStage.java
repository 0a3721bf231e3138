package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/**
 * A stage of the request pipeline. Built-in stages ({@code new}, {@code in-progress},
 * {@code won}, {@code lost}) have no {@code name} and are shown by the translation of
 * {@code request.stage.<code>}; stages a shop adds carry their own name.
 */
public record RequestStage(long id, String code, @Nullable String name, int position, StageOutcome outcome) {

    /** A request in this stage is still being worked on (not won, not lost). */
    public boolean active() {
        return outcome == StageOutcome.OPEN;
    }
}
