-- Real platforms: the account a grant is for (QuickBooks realmId, Xero tenant, Shopify shop), the id token kept
-- encrypted with the other tokens, and whether a queued revocation's token came from the sandbox.
alter table connection add column provider_account_id varchar(200);
alter table connection add column provider_account_name varchar(200);
alter table connection add column id_token_enc varchar(8000);
alter table revocation add column sandbox boolean;
