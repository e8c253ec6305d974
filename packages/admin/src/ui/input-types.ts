/** The input types and autofill tokens the console's forms use, typed so template bindings are checked. */
export type TextInputType = 'text' | 'email' | 'tel' | 'url' | 'password' | 'search' | 'number';
export type AutofillToken = 'username' | 'new-password' | 'current-password' | 'one-time-code' | 'name' | 'email' | 'tel' | 'off' | 'url' | 'organization';
