package com.omnichat.user;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRoleRepository extends JpaRepository<StaffRole, Long> {}
