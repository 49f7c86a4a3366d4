package io.connectionportal.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;

import io.connectionportal.platforms.DataType;

/**
 * Who read the company's synced data (issue 10, point 7), so the business can see it: every read through the API and
 * every view in the back office is one row. Recording joins the caller's transaction, or commits on its own. Reading
 * never writes, and reads a few rows of the indexes on (company, time) and (connection, time).
 */
@ApplicationScoped
public class DataReads {

    static final int NAME_MAX = 254;

    /** A program read one page of the connection's records of this type through the API, with the named key. */
    @Transactional
    public void recordApiRead(long companyId, long connectionId, String platformKey, DataType type, String apiKeyName) {
        record(companyId, connectionId, platformKey, type, DataRead.ReaderKind.API_KEY, apiKeyName);
    }

    /** A member of the lender's staff, named by e-mail, viewed the connection's records of this type in the back office. */
    @Transactional
    public void recordStaffView(
            long companyId, long connectionId, String platformKey, DataType type, String staffEmail) {
        record(companyId, connectionId, platformKey, type, DataRead.ReaderKind.STAFF, staffEmail);
    }

    /** The company's most recent reads, newest first, of every connection (deleted ones too). */
    @Transactional
    public List<DataRead> recentForCompany(long companyId, int limit) {
        return DataRead.<DataRead>find("companyId = ?1 order by readAt desc, id desc", companyId)
                .page(0, limit)
                .list();
    }

    /** The most recent reads of one of the company's connections, newest first; none for another company's. */
    @Transactional
    public List<DataRead> recentForConnection(long companyId, long connectionId, int limit) {
        return DataRead.<DataRead>find(
                        "connectionId = ?1 and companyId = ?2 order by readAt desc, id desc", connectionId, companyId)
                .page(0, limit)
                .list();
    }

    /** Every read of the company's data, newest first (export). */
    @Transactional
    public List<DataRead> forCompany(long companyId) {
        return DataRead.list("companyId = ?1 order by readAt desc, id desc", companyId);
    }

    /** For a company being erased, in the caller's transaction: who read its data goes with the data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseCompany(long companyId) {
        // Native SQL: the entity is immutable to Hibernate, which is right for everything but this erasure.
        Panache.getEntityManager()
                .createNativeQuery("delete from data_read where company_id = ?1")
                .setParameter(1, companyId)
                .executeUpdate();
    }

    private static void record(
            long companyId,
            long connectionId,
            String platformKey,
            DataType type,
            DataRead.ReaderKind kind,
            String readerName) {
        if (readerName == null || readerName.isBlank()) {
            throw new IllegalArgumentException("A data read needs the name of its reader");
        }
        DataRead read = new DataRead();
        read.companyId = companyId;
        read.connectionId = connectionId;
        read.platformKey = platformKey;
        read.dataType = type;
        read.readerKind = kind;
        read.readerName = readerName.length() <= NAME_MAX ? readerName : readerName.substring(0, NAME_MAX);
        read.readAt = Instant.now();
        read.persist();
    }
}
