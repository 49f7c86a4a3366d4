-- How many companies that signed up on a day reached each milestone on each day (issue 14): the monitor counts a
-- period's companies from these few rows a day rather than from every company's row of company_milestone, which it
-- keeps in step (monitor/CompanyCohorts). Days are UTC, as in funnel_daily.
create table company_cohort_daily (
    signup_day   date        not null,
    milestone    varchar(20) not null,
    reached_day  date        not null,
    companies    bigint      not null,
    constraint pk_company_cohort_daily primary key (signup_day, milestone, reached_day)
);

insert into company_cohort_daily (signup_day, milestone, reached_day, companies)
select signup_day, 'SIGNED_UP', signup_day, count(*)
from (select cast(signed_up_at at time zone 'UTC' as date) as signup_day
      from company_milestone where signed_up_at is not null) s
group by signup_day;

insert into company_cohort_daily (signup_day, milestone, reached_day, companies)
select signup_day, 'AUTHORIZED', reached_day, count(*)
from (select cast(signed_up_at at time zone 'UTC' as date) as signup_day,
             cast(first_authorized_at at time zone 'UTC' as date) as reached_day
      from company_milestone where signed_up_at is not null and first_authorized_at is not null) s
group by signup_day, reached_day;

insert into company_cohort_daily (signup_day, milestone, reached_day, companies)
select signup_day, 'UPLOADED', reached_day, count(*)
from (select cast(signed_up_at at time zone 'UTC' as date) as signup_day,
             cast(first_upload_at at time zone 'UTC' as date) as reached_day
      from company_milestone where signed_up_at is not null and first_upload_at is not null) s
group by signup_day, reached_day;
