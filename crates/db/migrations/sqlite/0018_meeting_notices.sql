-- Who was told of each meeting of a territorial table: every recipient of its convocation or of
-- a change, recorded in the transaction that queues the email. A change or a cancellation goes to
-- them as well as to the current representatives, so that someone no longer at the table is told
-- that the meeting in their calendar is off for them. (Meetings convened before this migration
-- start with no record: their later notices reach the current representatives only.)
CREATE TABLE table_meeting_notices (
    meeting_id BLOB NOT NULL REFERENCES table_meetings(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    user_id BLOB REFERENCES users(id),
    PRIMARY KEY (meeting_id, email)
);
