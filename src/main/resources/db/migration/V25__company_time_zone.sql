-- The company's time zone (IANA id), in which its pages show times. New companies get one guessed from their country
-- or language; existing ones get the same guess here, so no page has to guess.
alter table company add column time_zone varchar(64);
update company set time_zone = 'Europe/Paris' where upper(country) = 'FR' or (country is null and language = 'fr');
update company set time_zone = 'Europe/London' where time_zone is null;
