import { TextField } from "@/components/ui/text-field";

/**
 * The one money input of the billing forms: an amount typed in major units ("49.00") beside
 * its ISO 4217 currency, read as integer minor units with parseMoney. The currency is a field
 * of its own where the form chooses it, and fixed text where the thing billed already has one.
 * Errors come as the API names them: `amount` and `currency`.
 */
export function MoneyField({
  label = "Amount",
  amount,
  currency,
  onAmountChange,
  onCurrencyChange,
  amountError,
  currencyError,
}: {
  label?: string;
  amount: string;
  currency: string;
  onAmountChange: (amount: string) => void;
  onCurrencyChange?: (currency: string) => void;
  amountError?: string;
  currencyError?: string;
}) {
  return (
    <div className="grid grid-cols-3 gap-3">
      <TextField
        className="col-span-2"
        label={onCurrencyChange ? label : `${label} (${currency})`}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        error={amountError}
        onChange={(event) => onAmountChange(event.target.value)}
      />
      {onCurrencyChange ? (
        <TextField
          label="Currency"
          maxLength={3}
          autoComplete="off"
          value={currency}
          error={currencyError}
          onChange={(event) => onCurrencyChange(event.target.value.toUpperCase())}
        />
      ) : null}
    </div>
  );
}
