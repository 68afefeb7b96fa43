package io.oversight.app.web;

import io.oversight.app.users.UserAccount;
import io.oversight.app.users.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The administrator's list of accounts and their roles. */
@Named
@RequestScoped
public class AccountsPage {

    @Inject
    UserDirectory directory;

    private List<UserAccount> accounts;

    public List<UserAccount> getAccounts() {
        if (accounts == null) {
            accounts = directory.list();
        }
        return accounts;
    }
}
