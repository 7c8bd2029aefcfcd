-- A leader's diary has a version. The leader grain holds the diary (unavailable dates, the
-- days of the leader's visits, the clusters they lead) in memory and answers the planner from
-- it; diary_version lets a writer of visits check, in its own transaction, that the diary it
-- judged by is still the one stored, and lets the grain see that its copy is stale.
--
-- The version moves on every change of what the diary holds, by whichever writer makes it
-- (the grains, the demo data, an operator's SQL): triggers on the three tables the diary is
-- read from bump it, so no writer can forget to. The grains lock the leader rows they write
-- for first, in id order, so these row locks add no deadlock between them.

ALTER TABLE inclusion_leaders ADD COLUMN diary_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION leader_diary_changed(old_leader bigint, new_leader bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- Lowest id first, so two writers touching the same two leaders lock them in one order.
    UPDATE inclusion_leaders SET diary_version = diary_version + 1 WHERE id = least(old_leader, new_leader);
    IF old_leader IS DISTINCT FROM new_leader AND old_leader IS NOT NULL AND new_leader IS NOT NULL THEN
        UPDATE inclusion_leaders SET diary_version = diary_version + 1 WHERE id = greatest(old_leader, new_leader);
    END IF;
END
$$;

-- A visit is in its leader's diary while it has a date and is not cancelled.
CREATE FUNCTION review_visit_diary_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM leader_diary_changed(NEW.leader_id, NEW.leader_id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM leader_diary_changed(OLD.leader_id, OLD.leader_id);
    ELSIF (OLD.leader_id, OLD.visit_date, OLD.status = 'CANCELLED') IS DISTINCT FROM (NEW.leader_id, NEW.visit_date, NEW.status = 'CANCELLED') THEN
        PERFORM leader_diary_changed(OLD.leader_id, NEW.leader_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER review_visit_diary_changed AFTER INSERT OR UPDATE OR DELETE ON review_visits
    FOR EACH ROW EXECUTE FUNCTION review_visit_diary_changed();

CREATE FUNCTION leader_unavailable_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM leader_diary_changed(NEW.leader_id, NEW.leader_id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM leader_diary_changed(OLD.leader_id, OLD.leader_id);
    ELSE
        PERFORM leader_diary_changed(OLD.leader_id, NEW.leader_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER leader_unavailable_date_changed AFTER INSERT OR UPDATE OR DELETE ON leader_unavailable_dates
    FOR EACH ROW EXECUTE FUNCTION leader_unavailable_date_changed();

-- The clusters a leader leads are in the diary too (the capacity the planner and designation speak of).
CREATE FUNCTION cluster_leader_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM leader_diary_changed(NEW.leader_id, NEW.leader_id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM leader_diary_changed(OLD.leader_id, OLD.leader_id);
    ELSIF OLD.leader_id IS DISTINCT FROM NEW.leader_id THEN
        PERFORM leader_diary_changed(OLD.leader_id, NEW.leader_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER cluster_leader_changed AFTER INSERT OR UPDATE OR DELETE ON peer_review_clusters
    FOR EACH ROW EXECUTE FUNCTION cluster_leader_changed();
