package com.omnichat.quickreply;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface QuickReplyRepository extends JpaRepository<QuickReplyEntity, Long> {

    /** Shared templates and the user's personal ones; search is done in Java (Cyrillic-safe lower case). */
    @Query("select q from QuickReplyEntity q where q.ownerId is null or q.ownerId = :userId")
    List<QuickReplyEntity> visibleTo(@Param("userId") long userId);

    List<QuickReplyEntity> findByOwnerIdIsNull();

    List<QuickReplyEntity> findByOwnerId(long ownerId);

    @Query("select q from QuickReplyEntity q where q.id = :id and (q.ownerId is null or q.ownerId = :userId)")
    Optional<QuickReplyEntity> findVisible(@Param("id") long id, @Param("userId") long userId);

    // One statement: concurrent uses never lose a count (no read-modify-write in Java).
    @Modifying
    @Query(value = "update quick_reply set usage_count = usage_count + 1 where id = :id", nativeQuery = true)
    int incrementUsage(@Param("id") long id);
}
