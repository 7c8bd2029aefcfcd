-- Peer review and networks: the county's term dates (terms, half terms and holidays per
-- academic year, bank holidays of England, per-school closure days), ILEs' unavailable
-- dates, peer-review clusters with their members, each cluster's review cycle with one
-- visit per member school, the reviewers on each visit, reports with their actions,
-- impact reviews, a notifications outbox written by durable reminders, and network series
-- with members and materialized meetings.
--
-- Rules that must hold across silos are guarded here as well as in the grains:
-- one cluster per school per academic year, one visit per school per cycle, no person
-- reviewing on two visits the same day, no ILE at two visits the same day. Visits and
-- meetings carry a sequence that grows on every change, so calendar events can carry an
-- increasing SEQUENCE.

-- ---------------------------------------------------------------- term dates

CREATE TABLE academic_years (
    id        text PRIMARY KEY CHECK (id ~ '^[0-9]{4}/[0-9]{2}$'),
    starts_on date NOT NULL,
    ends_on   date NOT NULL,
    CHECK (ends_on > starts_on)
);

-- Term time is every date inside a TERM period; HALF_TERM and HOLIDAY periods are the
-- breaks, kept so calendars can show them by name.
CREATE TABLE term_periods (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    academic_year text NOT NULL REFERENCES academic_years (id),
    kind          text NOT NULL CHECK (kind IN ('TERM', 'HALF_TERM', 'HOLIDAY')),
    name          text NOT NULL,
    starts_on     date NOT NULL,
    ends_on       date NOT NULL,
    CHECK (ends_on >= starts_on),
    UNIQUE (academic_year, kind, starts_on)
);

CREATE TABLE bank_holidays (
    holiday_on date PRIMARY KEY,
    name       text NOT NULL
);

-- Training (INSET) and other days a school is closed to pupils though it is term time.
CREATE TABLE school_closure_days (
    school_urn text NOT NULL REFERENCES schools (urn),
    closed_on  date NOT NULL,
    reason     text NOT NULL,
    PRIMARY KEY (school_urn, closed_on)
);

INSERT INTO academic_years (id, starts_on, ends_on) VALUES
    ('2025/26', '2025-09-01', '2026-08-31'),
    ('2026/27', '2026-09-01', '2027-08-31');

INSERT INTO term_periods (academic_year, kind, name, starts_on, ends_on) VALUES
    ('2025/26', 'TERM', 'Autumn 1', '2025-09-03', '2025-10-24'),
    ('2025/26', 'HALF_TERM', 'Autumn half term', '2025-10-27', '2025-10-31'),
    ('2025/26', 'TERM', 'Autumn 2', '2025-11-03', '2025-12-19'),
    ('2025/26', 'HOLIDAY', 'Christmas holiday', '2025-12-22', '2026-01-02'),
    ('2025/26', 'TERM', 'Spring 1', '2026-01-05', '2026-02-13'),
    ('2025/26', 'HALF_TERM', 'Spring half term', '2026-02-16', '2026-02-20'),
    ('2025/26', 'TERM', 'Spring 2', '2026-02-23', '2026-04-02'),
    ('2025/26', 'HOLIDAY', 'Easter holiday', '2026-04-03', '2026-04-17'),
    ('2025/26', 'TERM', 'Summer 1', '2026-04-20', '2026-05-22'),
    ('2025/26', 'HALF_TERM', 'Summer half term', '2026-05-25', '2026-05-29'),
    ('2025/26', 'TERM', 'Summer 2', '2026-06-01', '2026-07-21'),
    ('2025/26', 'HOLIDAY', 'Summer holiday', '2026-07-22', '2026-09-02'),
    ('2026/27', 'TERM', 'Autumn 1', '2026-09-03', '2026-10-23'),
    ('2026/27', 'HALF_TERM', 'Autumn half term', '2026-10-26', '2026-10-30'),
    ('2026/27', 'TERM', 'Autumn 2', '2026-11-02', '2026-12-18'),
    ('2026/27', 'HOLIDAY', 'Christmas holiday', '2026-12-21', '2027-01-01'),
    ('2026/27', 'TERM', 'Spring 1', '2027-01-04', '2027-02-12'),
    ('2026/27', 'HALF_TERM', 'Spring half term', '2027-02-15', '2027-02-19'),
    ('2026/27', 'TERM', 'Spring 2', '2027-02-22', '2027-03-25'),
    ('2026/27', 'HOLIDAY', 'Easter holiday', '2027-03-26', '2027-04-09'),
    ('2026/27', 'TERM', 'Summer 1', '2027-04-12', '2027-05-28'),
    ('2026/27', 'HALF_TERM', 'Summer half term', '2027-05-31', '2027-06-04'),
    ('2026/27', 'TERM', 'Summer 2', '2027-06-07', '2027-07-21'),
    ('2026/27', 'HOLIDAY', 'Summer holiday', '2027-07-22', '2027-09-01');

-- Bank holidays of England (gov.uk), with the substitute days when one falls at a weekend.
INSERT INTO bank_holidays (holiday_on, name) VALUES
    ('2025-01-01', 'New Year''s Day'), ('2025-04-18', 'Good Friday'), ('2025-04-21', 'Easter Monday'),
    ('2025-05-05', 'Early May bank holiday'), ('2025-05-26', 'Spring bank holiday'), ('2025-08-25', 'Summer bank holiday'),
    ('2025-12-25', 'Christmas Day'), ('2025-12-26', 'Boxing Day'),
    ('2026-01-01', 'New Year''s Day'), ('2026-04-03', 'Good Friday'), ('2026-04-06', 'Easter Monday'),
    ('2026-05-04', 'Early May bank holiday'), ('2026-05-25', 'Spring bank holiday'), ('2026-08-31', 'Summer bank holiday'),
    ('2026-12-25', 'Christmas Day'), ('2026-12-28', 'Boxing Day (substitute day)'),
    ('2027-01-01', 'New Year''s Day'), ('2027-03-26', 'Good Friday'), ('2027-03-29', 'Easter Monday'),
    ('2027-05-03', 'Early May bank holiday'), ('2027-05-31', 'Spring bank holiday'), ('2027-08-30', 'Summer bank holiday'),
    ('2027-12-27', 'Christmas Day (substitute day)'), ('2027-12-28', 'Boxing Day (substitute day)');

-- ---------------------------------------------------------------- leaders

CREATE TABLE leader_unavailable_dates (
    leader_id      bigint NOT NULL REFERENCES inclusion_leaders (id),
    unavailable_on date NOT NULL,
    reason         text,
    PRIMARY KEY (leader_id, unavailable_on)
);

-- ---------------------------------------------------------------- clusters

CREATE TABLE peer_review_clusters (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    academic_year text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    leader_id     bigint REFERENCES inclusion_leaders (id),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    UNIQUE (id, academic_year)
);

CREATE UNIQUE INDEX peer_review_clusters_name ON peer_review_clusters (academic_year, lower(name));
CREATE INDEX peer_review_clusters_leader ON peer_review_clusters (leader_id, academic_year);

-- academic_year repeats the cluster's so that the unique index can say: a school belongs
-- to at most one cluster per academic year.
CREATE TABLE cluster_members (
    cluster_id    bigint NOT NULL,
    academic_year text NOT NULL,
    school_urn    text NOT NULL REFERENCES schools (urn),
    joined_at     timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, school_urn),
    FOREIGN KEY (cluster_id, academic_year) REFERENCES peer_review_clusters (id, academic_year) ON DELETE CASCADE,
    UNIQUE (school_urn, academic_year)
);

-- ---------------------------------------------------------------- review cycles

CREATE TABLE review_cycles (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cluster_id    bigint NOT NULL UNIQUE,
    academic_year text NOT NULL,
    planned_at    timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    FOREIGN KEY (cluster_id, academic_year) REFERENCES peer_review_clusters (id, academic_year)
);

CREATE TABLE review_visits (
    id                           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cycle_id                     bigint NOT NULL REFERENCES review_cycles (id),
    host_urn                     text NOT NULL REFERENCES schools (urn),
    status                       text NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'COMPLETED', 'REPORTED', 'FOLLOWED_UP', 'CANCELLED')),
    visit_date                   date,
    -- The cluster's ILE when the date was set: the unique index below keeps an ILE at one visit a day.
    leader_id                    bigint REFERENCES inclusion_leaders (id),
    focus_areas                  text[] NOT NULL DEFAULT '{}',
    proposed_at                  timestamptz,
    confirmed_at                 timestamptz,
    self_evaluation_due          date,
    self_evaluation_summary      text,
    self_evaluation_submitted_at timestamptz,
    completed_at                 timestamptz,
    reported_at                  timestamptz,
    impact_review_due            date,
    followed_up_at               timestamptz,
    cancelled_at                 timestamptz,
    created_at                   timestamptz NOT NULL,
    updated_at                   timestamptz NOT NULL,
    -- Grows on every change a calendar shows (date, status, reviewers).
    sequence                     integer NOT NULL DEFAULT 0,
    version                      integer NOT NULL DEFAULT 1,
    UNIQUE (cycle_id, host_urn),
    CHECK (status IN ('PROPOSED', 'CANCELLED') OR visit_date IS NOT NULL)
);

CREATE UNIQUE INDEX review_visits_leader_day ON review_visits (leader_id, visit_date) WHERE status <> 'CANCELLED' AND leader_id IS NOT NULL AND visit_date IS NOT NULL;
CREATE INDEX review_visits_host ON review_visits (host_urn);
CREATE INDEX review_visits_date ON review_visits (visit_date);

-- review_date repeats the visit's date (NULL once the visit is cancelled), so the unique
-- index can say: no person reviews on two visits the same day.
CREATE TABLE visit_reviewers (
    visit_id    bigint NOT NULL REFERENCES review_visits (id) ON DELETE CASCADE,
    staff_id    bigint NOT NULL REFERENCES staff (id),
    school_urn  text NOT NULL REFERENCES schools (urn),
    review_date date,
    PRIMARY KEY (visit_id, staff_id)
);

CREATE UNIQUE INDEX visit_reviewers_person_day ON visit_reviewers (staff_id, review_date) WHERE review_date IS NOT NULL;
CREATE INDEX visit_reviewers_school ON visit_reviewers (school_urn);

CREATE TABLE review_reports (
    visit_id              bigint PRIMARY KEY REFERENCES review_visits (id),
    strengths             text NOT NULL,
    areas_for_development text NOT NULL,
    submitted_at          timestamptz NOT NULL,
    submitted_by          bigint REFERENCES accounts (id)
);

CREATE TABLE review_actions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id    bigint NOT NULL REFERENCES review_reports (visit_id),
    position    integer NOT NULL,
    description text NOT NULL CHECK (length(btrim(description)) > 0),
    due_date    date,
    status      text NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     integer NOT NULL DEFAULT 1,
    UNIQUE (visit_id, position)
);

CREATE TABLE impact_reviews (
    visit_id     bigint PRIMARY KEY REFERENCES review_visits (id),
    summary      text NOT NULL,
    submitted_at timestamptz NOT NULL,
    submitted_by bigint REFERENCES accounts (id)
);

-- ---------------------------------------------------------------- notifications

-- The outbox reminders write to; a mailer can deliver and set sent_at later. Reminders are
-- delivered at least once, so the unique key makes a repeat write nothing.
CREATE TABLE notifications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('SELF_EVALUATION_DUE', 'IMPACT_REVIEW_DUE')),
    subject_type    text NOT NULL,
    subject_id      bigint NOT NULL,
    recipient_email text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    due_on          date NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    UNIQUE (kind, subject_type, subject_id, due_on, recipient_email)
);

CREATE INDEX notifications_unsent ON notifications (created_at) WHERE sent_at IS NULL;

-- ---------------------------------------------------------------- networks

CREATE TABLE networks (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind                text NOT NULL CHECK (kind IN ('PEER_REVIEW_CLUSTER', 'LOCALITY_CLUSTER', 'SENCO_FORUM', 'LIFT_FORUM', 'LIFT_EXECUTIVE',
                                                    'INCLUSION_STEERING_GROUP', 'HEADTEACHER_AREA_BOARD', 'ILE_GROUP', 'OTHER')),
    district_id         text REFERENCES districts (id),
    -- Set for a peer-review cluster's own meetings.
    cluster_id          bigint REFERENCES peer_review_clusters (id),
    -- The ILE who organises the series (may schedule and cancel its meetings).
    organiser_leader_id bigint REFERENCES inclusion_leaders (id),
    -- RFC 5545 RRULE value; NULL for a series of one-off meetings.
    recurrence          text,
    first_starts_at     timestamptz,
    duration_minutes    integer CHECK (duration_minutes BETWEEN 1 AND 1440),
    location            text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer NOT NULL DEFAULT 1,
    CHECK (recurrence IS NULL OR (first_starts_at IS NOT NULL AND duration_minutes IS NOT NULL))
);

CREATE INDEX networks_kind ON networks (kind, district_id);

CREATE TABLE network_members (
    network_id bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    school_urn text NOT NULL REFERENCES schools (urn),
    PRIMARY KEY (network_id, school_urn)
);

CREATE INDEX network_members_school ON network_members (school_urn);

-- Every meeting is a row: a recurring series is expanded (Europe/London wall-clock time)
-- when it is created, each occurrence keeping the start the rule gave it in
-- recurrence_start, so it can be cancelled or moved on its own.
CREATE TABLE meetings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id       bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title            text NOT NULL,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    location         text,
    -- The start the recurrence rule gave this occurrence; NULL for a one-off meeting.
    recurrence_start timestamptz,
    cancelled_at     timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    sequence         integer NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    UNIQUE (network_id, recurrence_start)
);

CREATE INDEX meetings_network_start ON meetings (network_id, starts_at);
CREATE INDEX meetings_start ON meetings (starts_at);
