-- Working groups of the community of practice: six themes, seeded here; members join and leave themselves.
create table working_group (
    slug        text primary key check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    name        text not null check (length(name) between 1 and 200),
    description text not null check (length(description) <= 2000)
);
insert into working_group (slug, name, description) values
    ('digital-learning', 'Digital Learning & EdTech', 'Online and blended learning, learning platforms and digital tools.'),
    ('compliance', 'Compliance & Accreditation', 'Quality assurance, accreditation and regulatory requirements.'),
    ('sustainable-infrastructure', 'Sustainable Infrastructure', 'Campuses, energy, water and facilities built to last.'),
    ('student-support', 'Student Support Services', 'Counselling, mentoring, wellbeing and learner success.'),
    ('funding', 'Funding & Resource Mobilization', 'Grants, partnerships and resources for education programmes.'),
    ('curriculum-innovation', 'Curriculum Innovation', 'New programmes, work-integrated learning and assessment.');

-- What a member is in the community, shown in the directories (the organisation comes from accounts' memberships).
create table member_profile (
    user_id          uuid primary key references app_user (id) on delete cascade,
    stakeholder_type text not null check (stakeholder_type in ('saypro_staff', 'college_lecturer', 'funder',
                                          'municipal_planner', 'learner', 'community_educator')),
    updated_at       timestamptz not null default now()
);

create table group_member (
    group_slug text        not null references working_group (slug),
    user_id    uuid        not null references app_user (id) on delete cascade,
    joined_at  timestamptz not null default now(),
    primary key (group_slug, user_id)
);
create index group_member_user on group_member (user_id);

-- Coordinators manage their group's webinars, attendance and projects; set by platform or organisation admins.
create table group_coordinator (
    group_slug text        not null references working_group (slug),
    user_id    uuid        not null references app_user (id) on delete cascade,
    set_by     uuid        not null references app_user (id),
    set_at     timestamptz not null default now(),
    primary key (group_slug, user_id)
);
