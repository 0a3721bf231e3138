/** The Viber REST Bot API connector: signed webhooks, messages, subscriptions, delivery statuses. */
@NullMarked
package com.omnichat.channel.viber;

import org.jspecify.annotations.NullMarked;
