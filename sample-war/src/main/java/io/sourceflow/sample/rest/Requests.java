package io.sourceflow.sample.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The request bodies of the account API, validated with Bean Validation. */
public final class Requests {

    private Requests() {
    }

    /**
     * Opens an account.
     *
     * @param id the account id, or null to have one generated
     * @param accountName the holder's name
     * @param initialAmount the opening balance, zero or more
     * @param holderEmail the holder's e-mail address, or {@code null}: personal data, sealed in the log
     */
    public record OpenAccount(
            @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
                    message = "may contain only letters, digits, '.', '_' and '-'") String id,
            @NotBlank @Size(max = 200) String accountName,
            @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal initialAmount,
            @Email @Size(max = 254) String holderEmail) {
    }

    /**
     * A deposit or a withdrawal.
     *
     * @param amount the amount, positive
     */
    public record Amount(@NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }

    /**
     * Closes an account.
     *
     * @param reason why
     */
    public record Close(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * Activates an account.
     *
     * @param activeOn the first active day, or null for today (UTC)
     */
    public record Activate(LocalDate activeOn) {
    }
}
