-- Places and schools: the county's areas and districts (reference data, seeded here
-- because every environment needs them), schools and early-years settings imported
-- from the DfE "Get Information about Schools" extract, and their staff.

CREATE TABLE areas (
    id         text PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    sort_order integer NOT NULL
);

CREATE TABLE districts (
    id         text PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    area_id    text NOT NULL REFERENCES areas (id),
    sort_order integer NOT NULL
);

INSERT INTO areas (id, name, sort_order) VALUES
    ('north', 'North', 1), ('south', 'South', 2), ('east', 'East', 3), ('west', 'West', 4);

INSERT INTO districts (id, name, area_id, sort_order) VALUES
    ('dartford', 'Dartford', 'north', 1),
    ('gravesham', 'Gravesham', 'north', 2),
    ('sevenoaks', 'Sevenoaks', 'north', 3),
    ('ashford', 'Ashford', 'south', 4),
    ('dover', 'Dover', 'south', 5),
    ('folkestone-and-hythe', 'Folkestone and Hythe', 'south', 6),
    ('canterbury', 'Canterbury', 'east', 7),
    ('swale', 'Swale', 'east', 8),
    ('thanet', 'Thanet', 'east', 9),
    ('maidstone', 'Maidstone', 'west', 10),
    ('tonbridge-and-malling', 'Tonbridge and Malling', 'west', 11),
    ('tunbridge-wells', 'Tunbridge Wells', 'west', 12);

CREATE TABLE schools (
    urn           text PRIMARY KEY CHECK (urn ~ '^[0-9]{6,7}$'),
    name          text NOT NULL,
    phase         text NOT NULL CHECK (phase IN ('EARLY_YEARS', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'POST_16')),
    school_type   text NOT NULL CHECK (school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL', 'SPECIAL', 'PUPIL_REFERRAL_UNIT', 'INDEPENDENT', 'EARLY_YEARS_SETTING')),
    district_id   text NOT NULL REFERENCES districts (id),
    postcode      text,
    open          boolean NOT NULL,
    -- The extract's own words, kept so a mapping can be checked against its source.
    gias_type     text NOT NULL,
    gias_phase    text NOT NULL,
    gias_status   text NOT NULL,
    imported_at   timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    search        tsvector GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || coalesce(postcode, '') || ' ' || urn)) STORED
);

CREATE INDEX schools_district ON schools (district_id);
CREATE INDEX schools_search ON schools USING gin (search);
CREATE INDEX schools_name ON schools (name, urn);

CREATE TABLE staff (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_urn  text NOT NULL REFERENCES schools (urn),
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    email       text,
    role        text NOT NULL CHECK (role IN ('HEADTEACHER', 'EXECUTIVE_HEADTEACHER', 'SENIOR_LEADER', 'MIDDLE_LEADER', 'SENCO',
                                              'TEACHER', 'EARLY_CAREER_TEACHER', 'TEACHING_ASSISTANT', 'GOVERNOR',
                                              'EARLY_YEARS_PRACTITIONER', 'OTHER')),
    created_at  timestamptz NOT NULL,
    -- Removed staff keep their rows so bookings, attendance and reviews keep their history.
    removed_at  timestamptz
);

CREATE INDEX staff_school ON staff (school_urn) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX staff_email_current ON staff (lower(email)) WHERE removed_at IS NULL AND email IS NOT NULL;
