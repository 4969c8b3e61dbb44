export { DeliveryStatusPage } from './DeliveryStatusPage';
