/**
 * The connector framework's machinery: the webhook endpoint and inbound event store, the
 * durable outbound queue and its worker, polling and profile jobs, secret encryption.
 */
@NullMarked
package com.omnichat.channel.internal;

import org.jspecify.annotations.NullMarked;
