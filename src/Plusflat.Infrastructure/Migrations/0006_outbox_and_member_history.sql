-- 0006: an outbox of messages to send (password resets, invitations), the member history of a tenant,
-- and revoking an open invitation.

-- Not tenant-owned: a password reset belongs to no tenant; the dispatcher sends for all of them.
CREATE TABLE outbox_messages (
    id uuid NOT NULL,
    recipient character varying(254) NOT NULL,
    subject character varying(300) NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error character varying(2000),
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_messages_sent_at_created_at ON outbox_messages (sent_at, created_at);

ALTER TABLE invitations ADD COLUMN revoked_at timestamp with time zone;

CREATE TABLE member_history (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    change character varying(30) NOT NULL,
    actor_id uuid NOT NULL,
    actor_name character varying(254) NOT NULL,
    subject character varying(254) NOT NULL,
    from_role character varying(30),
    to_role character varying(30),
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_member_history PRIMARY KEY (id),
    CONSTRAINT fk_member_history_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_member_history_tenant_id_at ON member_history (tenant_id, at);

ALTER TABLE member_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_history
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
