package com.omnichat.user;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByLogin(String login);

    boolean existsByLogin(String login);

    @Query("""
            select u from StaffUser u
            where :query = '' or lower(u.login) like concat('%', :query, '%')
               or lower(u.fullName) like concat('%', :query, '%')
               or lower(coalesce(u.email, '')) like concat('%', :query, '%')
            order by u.active desc, lower(u.fullName), u.id
            """)
    List<StaffUser> search(@Param("query") String query, Pageable page);

    @Query("""
            select count(u) from StaffUser u
            where :query = '' or lower(u.login) like concat('%', :query, '%')
               or lower(u.fullName) like concat('%', :query, '%')
               or lower(coalesce(u.email, '')) like concat('%', :query, '%')
            """)
    long countSearch(@Param("query") String query);

    /** Locks the active administrators so two concurrent demotions cannot both pass the last-admin rule. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from StaffUser u where u.role.id = 1 and u.active = true")
    List<StaffUser> lockActiveAdministrators();

    List<StaffUser> findByActiveTrueOrderByFullName();

    @Query("select count(u) from StaffUser u where u.role.id = :roleId")
    long countByRole(@Param("roleId") long roleId);
}
