package com.omnichat.sales;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the request form submits. {@code stageId} null means the pipeline's first stage;
 * {@code channelId} (source channel) is taken from the chat when the request comes from one.
 */
public record RequestDraft(@Nullable String title, @Nullable Long stageId, @Nullable BigDecimal amount,
                           @Nullable Long responsibleId, @Nullable String comment, @Nullable Long channelId) {
}
