package com.omnichat.channel.internal;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.demo.DemoConnector;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Finds the connector of a channel: its type's connector, or the demo one for demo channels. */
@Component
public class ConnectorRegistry {

    private final Map<ChannelType, ChannelConnector> byType = new EnumMap<>(ChannelType.class);
    private final DemoConnector demo;

    ConnectorRegistry(List<ChannelConnector> connectors, DemoConnector demo) {
        this.demo = demo;
        for (ChannelConnector connector : connectors) {
            if (connector == demo) {
                continue;
            }
            ChannelConnector other = byType.put(connector.type(), connector);
            if (other != null) {
                // A @Primary connector (a test's fake of a provider) replaces the type's own.
                boolean mine = primary(connector);
                if (mine == primary(other)) {
                    throw new IllegalStateException("Two connectors for " + connector.type());
                }
                byType.put(connector.type(), mine ? connector : other);
            }
        }
    }

    private static boolean primary(ChannelConnector connector) {
        return org.springframework.core.annotation.AnnotationUtils.findAnnotation(
                        org.springframework.aop.support.AopUtils.getTargetClass(connector),
                        org.springframework.context.annotation.Primary.class)
                != null;
    }

    public Optional<ChannelConnector> forType(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The connector that serves this channel now; empty when it is not connected. */
    public Optional<ChannelConnector> forChannel(ConnectedChannel channel) {
        if (channel.mode() == null) {
            return Optional.empty();
        }
        return channel.mode() == ChannelMode.DEMO ? Optional.of(demo) : forType(channel.type());
    }

    public Set<Capability> capabilities(ChannelType type) {
        return forType(type).map(ChannelConnector::capabilities).orElse(Set.of());
    }
}
