/**
 * WhatsApp Cloud API: the {@code whatsapp_business_account} webhook (messages of every type,
 * statuses with errors), sending text, media by link, replies and approved templates through
 * the Graph API of {@code channel.meta}, templates synced from the business account, media
 * downloaded in two steps.
 */
@NullMarked
package com.omnichat.channel.whatsapp;

import org.jspecify.annotations.NullMarked;
