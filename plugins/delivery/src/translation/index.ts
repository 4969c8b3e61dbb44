export { deliveryTranslationRef } from './translation';
