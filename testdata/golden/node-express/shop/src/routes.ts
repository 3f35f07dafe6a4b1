// Which routers the app mounts. Identical in the stub variant; the stub replaces the router
// files themselves (auth/routes.ts, entities/*/routes.ts).
import type { Express } from 'express';
import { createAuthRouter } from './auth/routes.js';
import type { AppDeps } from './deps.js';
import { createCustomerRouter } from './entities/customer/routes.js';
import { createCategoryRouter } from './entities/category/routes.js';
import { createProductRouter } from './entities/product/routes.js';
import { createOrderRouter } from './entities/order/routes.js';
import { createOrderItemRouter } from './entities/order-item/routes.js';


export function mountRoutes(app: Express, deps: AppDeps): void {
  app.use('/auth', createAuthRouter(deps));

  app.use('/api/customers', createCustomerRouter(deps));
  app.use('/api/categories', createCategoryRouter(deps));
  app.use('/api/products', createProductRouter(deps));
  app.use('/api/orders', createOrderRouter(deps));
  app.use('/api/order-items', createOrderItemRouter(deps));
}
