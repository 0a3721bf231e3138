package com.omnichat.sales;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the request form submits. {@code stageId} null means the pipeline's first stage;
 * {@code channelId} (source channel) is taken from the chat when the request comes from one.
 */
public record RequestDraft(
        @NotBlank(message = "{request.error.title-required}")
        @Size(max = RequestService.MAX_TITLE, message = "{request.error.title-too-long}")
        @Nullable
        String title,

        @Nullable Long stageId,

        @PositiveOrZero(message = "{request.error.amount-negative}")
        @Digits(integer = 12, fraction = Money.SCALE, message = "{sales.error.money-format}")
        @Nullable
        BigDecimal amount,

        @Nullable Long responsibleId,

        @Size(max = RequestService.MAX_COMMENT, message = "{sales.error.comment-too-long}") @Nullable
        String comment,

        @Nullable Long channelId) {}
