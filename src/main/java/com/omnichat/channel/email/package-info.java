/**
 * E-mail as a channel: a mailbox read over IMAP (polled as a clustered job, cursor UIDVALIDITY
 * + last UID), answered over SMTP; mail parsed into text (HTML sanitized), quoted history,
 * files, thread references and the automatic (auto-reply, bounce) flag.
 */
@NullMarked
package com.omnichat.channel.email;

import org.jspecify.annotations.NullMarked;
