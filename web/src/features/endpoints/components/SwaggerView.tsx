// Loaded on demand: swagger-ui is large and never on the first screen.
import 'swagger-ui-react/swagger-ui.css';
import SwaggerUI from 'swagger-ui-react';

export default function SwaggerView({ spec, tryIt }: { spec: object; tryIt: boolean }) {
  return <SwaggerUI spec={spec} docExpansion="list" defaultModelsExpandDepth={0} tryItOutEnabled={tryIt} supportedSubmitMethods={tryIt ? ['get', 'post', 'put', 'patch', 'delete'] : []} displayRequestDuration deepLinking={false} />;
}
