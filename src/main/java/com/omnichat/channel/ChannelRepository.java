package com.omnichat.channel;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelRepository extends JpaRepository<Channel, Long> {

    List<Channel> findAllByOrderByName();

    Optional<Channel> findByName(String name);

    @Query("select c.id from Channel c")
    List<Long> allIds();

    @Query(value = "select channel_id from channel_access where user_id = :userId", nativeQuery = true)
    List<Long> channelIdsOfUser(long userId);
}
