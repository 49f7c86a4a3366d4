package io.connectionportal.account;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of the account pages; their names are what the flash cookie carries. */
final class AccountNotice {

    static final Notice SIGNED_OUT_EVERYWHERE =
            Notice.of("SIGNED_OUT_EVERYWHERE", AccountMessages.class, AccountMessages::flash_signed_out_everywhere);
    static final Notice PASSWORD_CHANGED =
            Notice.of("PASSWORD_CHANGED", AccountMessages.class, AccountMessages::flash_password_changed);

    static final Notice ACCOUNT_KEPT =
            Notice.of("ACCOUNT_KEPT", AccountMessages.class, AccountMessages::flash_account_kept);

    private AccountNotice() {}

    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(SIGNED_OUT_EVERYWHERE, PASSWORD_CHANGED, ACCOUNT_KEPT);
        }
    }
}
