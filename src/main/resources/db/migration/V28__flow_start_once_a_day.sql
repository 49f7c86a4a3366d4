-- "Started the flow" counts one flow per company per UTC day: the day of a company's last counted start.
alter table company_milestone add column last_flow_day date;
