/**
 * What Instagram, Messenger and WhatsApp share as Meta platforms: the webhook's verification
 * handshake and its X-Hub-Signature-256, the envelope of {@code entry[]} items, the
 * Messenger-style {@code messaging[]} items (Instagram Direct and Messenger), and the Graph API
 * client with its one mapping of Graph errors to delivery outcomes.
 */
@NullMarked
package com.omnichat.channel.meta;

import org.jspecify.annotations.NullMarked;
