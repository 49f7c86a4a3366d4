package io.connectionportal.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an integrator brands or tunes, under the {@code portal.} prefix (I1). */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** Public base URL; links in e-mails and OAuth redirect URIs are built from it, never from request headers. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    @WithDefault("Lendwell")
    String productName();

    /** Path or URL of the product logo shown in the header. */
    @WithDefault("/img/logo.svg")
    String logo();

    /** Brand colour as #rrggbb; anything else falls back to the default so the CSS cannot be broken. */
    @WithDefault("#1d4ed8")
    String primaryColour();

    /**
     * AES-256 key (base64 of 32 bytes) that encrypts OAuth tokens at rest, with the key id {@code default};
     * see {@code TokenCipher}. For rotation, use {@link #tokenKeys()} instead (or as well).
     */
    Optional<String> tokenEncryptionKey();

    /** Token keys by id ({@code portal.token-keys.<id>}, ids of lower-case letters and digits), for rotation. */
    Map<String, String> tokenKeys();

    /** The id of the token key that encrypts new values; needed when several keys are configured. */
    Optional<String> tokenKeyCurrent();

    /**
     * Ids of token keys lost for good: values they encrypted count as unreadable (their connections need
     * reconnecting) instead of stopping the start-up.
     */
    Optional<List<String>> tokenLostKeys();

    /** How often values encrypted under an older token key are re-encrypted under the current one; {@code off} disables it. */
    @WithDefault("1m")
    String tokenRotationEvery();

    /**
     * Where a generated key is kept when no {@link #tokenEncryptionKey()} nor {@link #tokenKeys()} is
     * configured. It is generated only while the database holds no encrypted token and no key check.
     */
    @WithDefault("data/token-encryption.key")
    String tokenKeyFile();

    /**
     * How long a stopping instance waits for its scheduled jobs under way to finish before it closes the database
     * ({@link RunningJobs}); what is still running then fails, and another instance or the next start takes it up.
     */
    @WithDefault("10s")
    Duration jobsStopWait();

    /** A catalog file to use instead of the built-in {@code platforms/catalog.json}. */
    Optional<String> catalogFile();

    Support support();

    PoweredBy poweredBy();

    Policy policy();

    Session session();

    /** Brute-force protection on sign-in (ASVS 2.2.1). */
    SignIn signIn();

    /** Revoking tokens at providers (M2). */
    Revocation revocation();

    /** The token lifecycle: access tokens refreshed before they expire, whatever the data sync does. */
    Tokens tokens();

    Uploads uploads();

    ShareLinks shareLinks();

    Sync sync();

    Monitor monitor();

    /** Outgoing e-mail: the outbox and the job that sends it ({@code mail.MailDelivery}). */
    Mail mail();

    /** Password reset by e-mail. */
    PasswordReset passwordReset();

    /** Signed webhooks to the integrator: endpoints, delivery and retries ({@code webhooks.WebhookDelivery}). */
    Webhooks webhooks();

    /** How long what is no longer needed is kept before the scheduled purge removes it. */
    Retention retention();

    /** Telling the business when a connection breaks and before its access ends ({@code access}). */
    Access access();

    /** The integrators' JSON API under {@code /api/v1}. */
    Api api();

    /** Markup kept by the templates' {@code {#cached}} sections ({@code shared.KeptSections}). */
    KeptMarkup keptMarkup();

    /**
     * Copy overrides by language and key, for example {@code portal.copy.fr.value-headline}; a key
     * left out keeps the translated default from the message bundles.
     */
    Map<String, Map<String, String>> copy();

    /**
     * Real OAuth 2.0 settings per platform key, e.g. {@code portal.connectors.xero.client-id} or
     * {@code PORTAL_CONNECTORS_XERO_CLIENT_ID}. Declared here so the prefix is known; read and checked by
     * {@code connectors.ConnectorConfiguration}, which also understands the environment variable form.
     */
    Map<String, Map<String, String>> connectors();

    /** Category names by language and category key, e.g. {@code portal.category-label.en.commerce=Revenue streams}. */
    Map<String, Map<String, String>> categoryLabel();

    /** Categories a business may skip (S8): shown as optional and left out of "complete". */
    @WithDefault("commerce")
    List<String> optionalCategories();

    interface Revocation {
        /** How often revocations a provider did not confirm are retried (each with its own backoff); {@code off} disables it. */
        @WithDefault("30s")
        String retryEvery();
    }

    interface Tokens {
        /**
         * A linked connection's access token is refreshed once it expires within this: long enough for a provider
         * that is slow or briefly down, short enough that the sandbox's 5-minute tokens are not refreshed at once.
         */
        @WithDefault("2m")
        Duration refreshBefore();

        /** How often the refresh job looks for expiring tokens; {@code off} disables it. Keep it below refresh-before. */
        @WithDefault("1m")
        String refreshEvery();
    }

    /** Data syncs (see the {@code sync} package): how often, and how quickly queued syncs are picked up. */
    interface Sync {
        /** A linked connection whose last successful sync is older than this is synced again. */
        @WithDefault("24h")
        Duration interval();

        /**
         * How often the worker looks for syncs queued by other instances (one queued here wakes it at once). Read by
         * the {@code @Scheduled} expression of {@code SyncWorker}, which gets this default from here.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a claimed sync is held by its instance without a renewal; renewed every third of it while the sync
         * runs. A running sync whose lease ended (its instance died) is taken by another instance.
         */
        @WithDefault("60s")
        Duration lease();

        /** After a failed sync, how long the scheduler waits before trying again (not at every check). */
        @WithDefault("1h")
        Duration retryAfter();
    }

    interface Access {
        /**
         * How long before a known end of access (a platform's {@code access-lifetime}) the dashboard asks the business
         * to reconnect, and the reminder e-mail goes.
         */
        @WithDefault("7d")
        Duration renewBefore();

        /** When the reminder job looks for access about to end (a Quarkus cron, seconds first); {@code off} disables it. */
        @WithDefault("0 0 8 * * ?")
        String remindCron();
    }

    interface Retention {
        /** How often the purge runs (on every instance: deleting is idempotent). */
        @WithDefault("1h")
        Duration purgeEvery();

        /**
         * A connection still waiting for its authorization this long after it was started is removed with its
         * attempts: the business left at the provider (an attempt itself expires after 10 minutes).
         */
        @WithDefault("1h")
        Duration pendingAuthorization();

        /** A share link used or expired this long ago is removed (the connection it made keeps who made it). */
        @WithDefault("30d")
        Duration shareLinks();

        /**
         * How long a deleted company's tombstones are kept as proof (GDPR art. 7(1)): its pseudonymised consents and
         * audit events, and its emptied company row. Five years by default, the general limitation period for a claim
         * (French Civil Code, art. 2224); then the purge erases them.
         */
        @WithDefault("1826d")
        Duration deletedCompanies();

        /** Raw funnel events older than this are removed; the daily counts the monitor reads are kept. */
        @WithDefault("90d")
        Duration funnelEvents();

        /**
         * A password-reset link used or expired this long ago is removed. Never less than an hour: the hourly
         * limit on reset e-mails counts these rows.
         */
        @WithDefault("24h")
        Duration passwordResets();

        /** An e-mail sent (or given up on) this long ago is removed from the outbox, with its address and text. */
        @WithDefault("7d")
        Duration sentMail();

        /**
         * A webhook attempt logged this long ago is removed, and so is a delivery delivered or failed this long ago
         * (the back office shows what is left).
         */
        @WithDefault("30d")
        Duration webhookDeliveries();

        /** An API {@code Idempotency-Key} is honoured this long after its first use; then its stored response is removed. */
        @WithDefault("24h")
        Duration idempotencyKeys();
    }

    interface Webhooks {
        /** Endpoints by name, e.g. {@code portal.webhooks.endpoints.lender.url}; upserted by name at start-up. */
        Map<String, Endpoint> endpoints();

        /**
         * Lets deliveries reach private, loopback, link-local and multicast addresses (tests, an endpoint on the
         * same private network). Off by default: a webhook URL must not become a way into the internal network.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** How often due deliveries are looked for. */
        @WithDefault("5s")
        Duration sendEvery();

        /** How long opening the connection to an endpoint may take. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long an endpoint may take to answer, once connected; longer is a failed attempt. */
        @WithDefault("15s")
        Duration requestTimeout();

        /**
         * The waits before each retry after a failed attempt; after the last one a delivery is failed. The default
         * is 9 attempts over about 2 days.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h")
        List<Duration> retryDelays();

        /** An endpoint with no successful delivery for this long while its deliveries fail is disabled. */
        @WithDefault("5d")
        Duration disableAfter();

        interface Endpoint {
            /** Where events are POSTed (https in production). */
            String url();

            /** The signing secret, {@code whsec_} followed by base64 of 24 to 64 random bytes. */
            String secret();

            /** Event types sent to this endpoint, comma-separated, or {@code *} for all. */
            @WithDefault("*")
            String events();
        }
    }

    interface Api {
        /**
         * An API key accepted from the start, for automation and tests: stored hashed under the name
         * {@code bootstrap} at start-up (once, however many instances start); at least 32 characters.
         */
        Optional<String> bootstrapKey();

        /**
         * URL prefixes a hosted link may send the business back to, comma-separated (the back office adds more).
         * An entry matches at a path boundary: {@code https://app.lender.example} never matches
         * {@code https://app.lender.example.evil.test}.
         */
        Optional<List<String>> redirectAllowList();

        /**
         * The secret that signs a hosted link's redirect ({@code whsec_} + base64, like a webhook secret). Set it to
         * share it with the integrator's app by configuration; unset, the portal makes one, stored encrypted and the
         * same for every instance, shown in the back office.
         */
        Optional<String> redirectSecret();

        /** Requests one API key may make per minute on each instance; more get 429 with Retry-After. */
        @WithDefault("600")
        int requestsPerMinute();

        /** How long a hosted link can be opened when the request gives no {@code expiresIn}. */
        @WithDefault("P7D")
        Duration linkLifetime();

        /**
         * Origins that may frame the hosted journey ({@code frame-ancestors}), e.g. {@code https://app.lender.example};
         * none by default, so no page can be framed.
         */
        Optional<List<String>> frameAncestors();
    }

    interface Mail {
        /** How often the outbox is checked for e-mails to send or to try again. */
        @WithDefault("10s")
        Duration sendEvery();

        /** How long one e-mail may take to hand to the mail server before the attempt counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Attempts per e-mail (the delay between them doubles from 1 minute to at most 1 hour) before giving up. */
        @WithDefault("10")
        int maxAttempts();
    }

    interface PasswordReset {
        /** How long a password-reset link works (once). */
        @WithDefault("30m")
        Duration lifetime();

        /** The most reset e-mails one account gets in an hour, so the form cannot flood a mailbox. */
        @WithDefault("3")
        int maxPerHour();
    }

    interface Monitor {
        /**
         * E-mail addresses that get the {@code admin} role (the monitor pages): at sign-up, and at
         * start-up for accounts that already exist. Removing an address does not take the role away.
         */
        Optional<List<String>> adminEmails();
    }

    interface ShareLinks {
        /** How long a colleague's single-use link works. */
        @WithDefault("24h")
        Duration lifetime();
    }

    interface Uploads {
        /** Where uploaded files' bytes are kept: the database (every instance reads them) or this instance's disk. */
        @WithDefault("database")
        Store store();

        /**
         * The disk store's folder (outside the web root, under generated names); with the database store, files found
         * here for an upload whose bytes are not yet in the database are moved into it at start-up.
         */
        @WithDefault("data/uploads")
        String dir();

        /** The largest file accepted, in bytes. */
        @WithDefault("10485760")
        long maxSize();

        /** The most files one company may keep, so one account cannot fill the disk. */
        @WithDefault("100")
        int maxFilesPerCompany();

        /** The most bytes one company's files may take together (100 MB): they live in the database by default. */
        @WithDefault("104857600")
        long maxBytesPerCompany();

        enum Store {
            /** In the database: the default, and the only choice for several instances. */
            DATABASE,
            /** On this instance's disk, under {@link #dir()}: for one instance only (another would not see the files). */
            DISK
        }
    }

    interface Support {
        @WithDefault("+33 1 84 88 00 00")
        String phone();

        @WithDefault("support@lendwell.example")
        String email();

        /** Opening hours, free text shown beside the phone number. */
        Optional<String> hours();
    }

    interface PoweredBy {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("Connection Portal")
        String name();

        @WithDefault("https://github.com/connection-portal/connection-portal")
        String url();
    }

    interface Policy {
        /** Version of the privacy policy a consent is given against; bump it when the policy text changes. */
        @WithDefault("2026-11")
        String version();

        @WithDefault("2026-11")
        String ndaVersion();

        /**
         * Where the portal and its database run, as the privacy page states it ("Paris, France (OVHcloud)"); the
         * statement is left out until the operator says where.
         */
        Optional<String> hostingRegion();
    }

    /**
     * Failed sign-ins are counted per account (normalised e-mail address, known or not) and per client
     * address; past a limit the key is locked for a while and no password is checked until it ends.
     */
    interface SignIn {
        /**
         * The bcrypt cost of new password hashes (each step doubles the work; 12 is about a third of a second here).
         * At least 10; the test profile lowers it to 4, so the suite's hundreds of sign-ups stay fast.
         */
        @WithDefault("12")
        int passwordHashCost();

        /** Failed sign-ins on one account before it is locked. */
        @WithDefault("5")
        int accountLockAfter();

        /** Failed sign-ins from one client address before it is locked: higher, since an office shares one address. */
        @WithDefault("20")
        int addressLockAfter();

        /** How long the first lock lasts; each next one in the same window lasts twice as long as the one before. */
        @WithDefault("1m")
        Duration firstLock();

        /** The longest a lock lasts, however many came before it. */
        @WithDefault("15m")
        Duration longestLock();

        /** The most failed sign-ins per account, and per address, in one window; reaching it locks until the window ends. */
        @WithDefault("100")
        int maxFailures();

        /** Failures are counted for this long from the first one; then counting (and the doubling) starts afresh. */
        @WithDefault("1h")
        Duration window();
    }

    interface Session {
        /** Absolute lifetime of a signed-in session, whatever its use; at most 12 hours (ASVS 3.3.2). */
        @WithDefault("8h")
        Duration maxAge();

        /** A session unused for this long ends (ASVS 3.3.2). */
        @WithDefault("30m")
        Duration idleTimeout();

        /** How long a password asked again (before deleting, exporting, changing the password) stays good. */
        @WithDefault("10m")
        Duration reauthenticationValidFor();

        @WithDefault("cp_session")
        String cookieName();
    }

    interface KeptMarkup {
        /**
         * Markup kept at most, counted at two bytes a character (a String holding a check mark or a French apostrophe
         * takes two). The fixed parts of pages take a copy per language, the picker's content one per search and
         * statuses (some 60 KB), a dashboard card one per reader's language, zone and minute (a few KB).
         */
        @WithDefault("16M")
        MemorySize maximumMemory();

        /** A copy not read for this long is dropped: a card's copy outlives its minute by little. */
        @WithDefault("5m")
        Duration expireAfterAccess();
    }
}
