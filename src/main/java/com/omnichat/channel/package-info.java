/**
 * Channels (Telegram, Viber, the site widget, ...), per-user channel access, and the
 * connector framework. Published API for other modules: {@link com.omnichat.channel.ChannelService},
 * {@link com.omnichat.channel.DeliveryQueue} (outbound), the SPIs the inbox implements
 * ({@link com.omnichat.channel.InboundSink}, {@link com.omnichat.channel.DeliveryReports},
 * {@link com.omnichat.channel.OutboundSource}, {@link com.omnichat.channel.ProfileSink}) and the
 * records they exchange. Provider connectors live in sub-packages (telegram, viber, ...)
 * implementing {@link com.omnichat.channel.connector.ChannelConnector}.
 */
@NullMarked
package com.omnichat.channel;

import org.jspecify.annotations.NullMarked;
