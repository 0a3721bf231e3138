package com.omnichat.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** In-node periodic work (presence heartbeats). Cluster-wide jobs use Quartz instead. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
