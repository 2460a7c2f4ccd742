import "rate-limiter-flexible";

declare module "rate-limiter-flexible" {
  interface RateLimiterStoreAbstract {
    /**
     * How long `rlKey` (as `getKey()` spells it) stays blocked in this process's memory after
     * passing `inMemoryBlockOnConsumed`, in ms; 0 when it is not. A public method of the
     * library's JavaScript that its type declarations leave out.
     */
    getInMemoryBlockMsBeforeExpire(rlKey: string): number;
  }
}
